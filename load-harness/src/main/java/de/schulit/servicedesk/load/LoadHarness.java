package de.schulit.servicedesk.load;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load harness: starts the packaged app as its own process on H2 or PostgreSQL, with Telegram pointed at a fake
 * Bot API server, and drives simulated requesters through it; prints start-up time, throughput, latency percentiles,
 * errors and heap. Options (all optional): {@code --db h2|postgres --users 200 --rate <turns/s, all users together>
 * --warmup 150 --seconds 30 --telegram-chats 20 --telegram-seconds 20 --tickets 100000 --heap 256m
 * --jvm "<more JVM options>" --h2-options "<H2 URL options, added to or replacing the shipped ones>" --jar <app jar>
 * --java-home <JDK of the app>}.
 * Run from the repository root after {@code ./mvnw -DskipTests package}; see README "Performance".
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String db = options.getOrDefault("db", "h2");
        int users = Integer.parseInt(options.getOrDefault("users", "200"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "150")));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        int chats = Integer.parseInt(options.getOrDefault("telegram-chats", "20"));
        Duration telegramTime = Duration.ofSeconds(Long.parseLong(options.getOrDefault("telegram-seconds", "20")));
        int tickets = Integer.parseInt(options.getOrDefault("tickets", "0"));
        String heap = options.getOrDefault("heap", "256m");
        Path jar = Path.of(options.getOrDefault("jar", "bot-app/target/bot-app-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build it with ./mvnw -DskipTests package");
        }
        Path javaHome = Path.of(options.getOrDefault("java-home", System.getProperty("java.home")));
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        if (options.containsKey("jvm")) {
            jvm.addAll(List.of(options.get("jvm").trim().split("\\s+")));
        }
        Path work = Path.of("load-harness", "target", "run-" + Instant.now().toEpochMilli());
        List<String> report = new ArrayList<>();
        note(report, String.format(Locale.ROOT, "Load harness %s: db=%s users=%d rate=%s warm-up=%ds measured=%ds "
                        + "telegram-chats=%d tickets=%d heap=%s java=%s jvm=%s jar=%s cores=%d", Instant.now(), db, users,
                rate > 0 ? (int) rate + "/s" : "unpaced", warmUp.toSeconds(),
                measured.toSeconds(), chats, tickets, heap, javaHome, jvm, jar, Runtime.getRuntime().availableProcessors()));

        try (Database database = "postgres".equals(db) ? Database.postgres()
                : Database.h2(work.resolve("db"), options.getOrDefault("h2-options", ""));
             FakeTelegramServer telegram = new FakeTelegramServer()) {
            List<String> arguments = new ArrayList<>(database.springArguments());
            arguments.addAll(List.of("--servicedesk.demo.enabled=true",
                    "--servicedesk.telegram.enabled=" + (chats > 0),
                    "--servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                    "--servicedesk.telegram.base-url=" + telegram.baseUrl(),
                    "--servicedesk.telegram.poll-timeout=5s"));

            try (AppProcess app = new AppProcess(javaHome, jar, jvm, arguments, work.resolve("app.log"))) {
                note(report, String.format(Locale.ROOT, "start-up to ready (empty %s database): %.2f s, app CPU %.2f s",
                        database.name(), app.startup.toMillis() / 1000.0, app.cpu().toMillis() / 1000.0));
                Stats web = new Stats(app);
                int made = new WebChatLoad(app, users, rate).run(users, warmUp, measured, web);
                note(report, web.report("web chat, " + users + " users" + (rate > 0 ? " at " + (int) rate + "/s" : "")
                        + ", " + database.name()));
                note(report, String.format(Locale.ROOT, "  tickets created while measured: %d (%.1f/s)", made,
                        made / (double) measured.toSeconds()));
                if (chats > 0) {
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < chats; i += WebChatLoad.USERS_PER_CODE) {
                        codes.add(app.enrollmentCode("STAFF", Math.min(WebChatLoad.USERS_PER_CODE, chats - i)));
                    }
                    Stats viaTelegram = new Stats(app);
                    new TelegramLoad(telegram).run(codes, chats, telegramTime, viaTelegram);
                    note(report, viaTelegram.report("telegram, " + chats + " chats, " + database.name()));
                }
                note(report, String.format(Locale.ROOT, "heap used after GC: %d MB (max %s)", app.heapUsedAfterGc() >> 20, heap));
            }

            if (tickets > 0) {
                long seeding = System.nanoTime();
                int added = TicketSeeder.seed(database, tickets);
                note(report, String.format(Locale.ROOT, "seeded %d tickets (to %d) in %.1f s", added, tickets,
                        (System.nanoTime() - seeding) / 1e9));
                try (AppProcess app = new AppProcess(javaHome, jar, jvm, arguments, work.resolve("app-with-tickets.log"))) {
                    note(report, String.format(Locale.ROOT, "start-up to ready (%d tickets): %.2f s, app CPU %.2f s", tickets,
                            app.startup.toMillis() / 1000.0, app.cpu().toMillis() / 1000.0));
                    Stats lists = new Stats(app);
                    lists.start();
                    for (int i = 0; i < 200; i++) {
                        long started = System.nanoTime();
                        String path = switch (i % 4) {
                            case 0 -> "/api/tickets?limit=100";
                            case 1 -> "/api/tickets?status=NEW&limit=100";
                            case 2 -> "/api/tickets?schoolId=demo-grundschule&limit=100";
                            default -> "/api/tickets/SD-2000-" + String.format("%05d", 1 + i);
                        };
                        if (app.agentGet(path) != 200) {
                            lists.error();
                        }
                        lists.record(started);
                    }
                    lists.end();
                    note(report, lists.report("agent ticket list/detail, " + tickets + " tickets"));
                    Stats web = new Stats(app);
                    new WebChatLoad(app, Math.min(users, 50), 0).run(Math.min(users, 50), Duration.ofSeconds(5),
                            Duration.ofSeconds(15), web);
                    note(report, web.report("web chat, " + Math.min(users, 50) + " users, " + tickets + " tickets"));
                    note(report, String.format(Locale.ROOT, "heap used after GC with %d tickets: %d MB (max %s)", tickets,
                            app.heapUsedAfterGc() >> 20, heap));
                }
            }
        }
        Files.write(work.resolve("report.txt"), report);
        System.out.println("(report and app logs in " + work + ")");
        System.exit(0); // the fake server's and HTTP clients' threads
    }

    /** Prints a line of the report as soon as it is known (a long run shows its progress) and keeps it. */
    private static void note(List<String> report, String line) {
        System.out.println(line);
        report.add(line);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
