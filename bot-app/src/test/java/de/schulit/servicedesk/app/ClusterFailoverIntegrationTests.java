package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.schulit.servicedesk.ServicedeskApplication;
import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real app processes (separate JVMs from the built classpath) on one PostgreSQL and the fake Bot API in
 * long-polling mode. Users report through the leader; it is killed with SIGKILL while their confirmations wait at
 * Telegram; the other instance takes over and answers each exactly once: one ticket per user, every stored update
 * processed once, every outbox message sent once. Runs in the PostgreSQL run only (two processes cannot share H2).
 */
class ClusterFailoverIntegrationTests {

    static final String LEASE = "6s"; // takeover within 8 s; the default 15 s gives 20 s
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static FakeTelegramServer telegram;
    static TestDatabase database;
    static JdbcClient jdbc;
    static final List<Instance> instances = new ArrayList<>();

    /** One app process. */
    record Instance(Process process, int port) {

        static Instance start(String name) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", // a quick start matters more here than peak speed
                    "-cp", classpath(), ServicedeskApplication.class.getName(),
                    "--server.port=" + port,
                    "--servicedesk.api.admin-keys[0]=" + RunningApp.ADMIN_KEY,
                    "--servicedesk.api.agent-keys[0]=" + RunningApp.AGENT_KEY,
                    "--servicedesk.cluster.lease=" + LEASE,
                    "--servicedesk.telegram.enabled=true",
                    "--servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                    "--servicedesk.telegram.base-url=" + telegram.baseUrl(),
                    "--servicedesk.telegram.mode=long-polling",
                    "--servicedesk.telegram.poll-timeout=2s",
                    "--logging.level.root=WARN",
                    "--logging.level.de.schulit.servicedesk.app.LeaseLeadership=INFO"));
            command.addAll(List.of(database.springArguments()));
            Path log = Path.of("bot-app", "target", "cluster-test", name + ".log");
            try {
                Files.createDirectories(log.getParent());
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                return new Instance(process, port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean ready() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        String enrollmentCode() throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/schools/demo-grundschule/enrollment-codes"))
                    .header("X-API-Key", RunningApp.ADMIN_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"maxUses\":1,\"validDays\":1,\"role\":\"STAFF\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body()).get("code").asString();
        }
    }

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabase.postgres(), "two processes need a shared PostgreSQL: runs in the PostgreSQL run");
        telegram = new FakeTelegramServer();
        database = TestDatabase.create(Path.of("unused"));
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), database.password()));
        instances.add(Instance.start("a"));
        instances.add(Instance.start("b"));
        instances.forEach(i -> await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(i::ready));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Instance instance : instances) {
            instance.process().destroyForcibly().waitFor();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void theOtherInstanceTakesOverAfterAKillAndNothingIsLostOrDuplicated() throws Exception {
        Instance leader = await().atMost(Duration.ofSeconds(30)).until(ClusterFailoverIntegrationTests::leader, Optional::isPresent).get();
        Instance follower = instances.get(0) == leader ? instances.get(1) : instances.get(0);

        List<TelegramTestChat> chats = List.of(new TelegramTestChat(telegram, jdbc, 8100001), new TelegramTestChat(telegram, jdbc, 8100002));
        List<String> names = List.of("Anna Schmidt", "Ben Koch");
        List<Sent> summaries = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.says("/start " + follower.enrollmentCode());
            assertThat(chat.says(names.get(i)).text()).contains("Willkommen");
            chat.says(WebChatScenarioIntegrationTests.PRINTER);
            PrintingIntake.choosePrinting(chat);
            PrintingIntake.answerUntilSummary(chat);
            summaries.add(chat.last.get(chat.last.size() - 1));
        }

        leader.process().destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        // While nobody leads, both users confirm: the updates wait at Telegram.
        List<Integer> confirmations = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            confirmations.add(telegram.userPresses(summaries.get(i), "confirm"));
        }

        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(200))
                .until(() -> leader().filter(follower::equals).isPresent());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.settle(confirmations.get(i));
            Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
            assertThat(number.find()).as(chat.text()).isTrue();
            assertThat(chat.says("Status " + number.group()).text()).contains(number.group());
        }
        System.out.println("Takeover after SIGKILL: " + takeover.toMillis() + " ms");
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single()).isEqualTo(chats.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE processed_at IS NULL").query(Long.class).single()).isZero();
        for (TelegramTestChat chat : chats) {
            List<String> sent = telegram.sentTo(chat.id).stream().map(Sent::text).toList();
            assertThat(sent.stream().filter(t -> t.contains("ist angelegt")).count()).as(sent.toString()).isEqualTo(1);
            // every message the bot meant to send reached Telegram exactly once
            List<String> meant = jdbc.sql("SELECT text FROM outbound_message WHERE channel = 'telegram' AND address = :a ORDER BY id")
                    .param("a", Long.toString(chat.id)).query(String.class).list();
            assertThat(sent).isEqualTo(meant);
        }
    }

    /** The instance whose lease on the Telegram role is valid now. */
    static Optional<Instance> leader() {
        List<String> holders = jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'leader-telegram' AND lock_until > CURRENT_TIMESTAMP")
                .query(String.class).list();
        return instances.stream().filter(i -> i.process().isAlive())
                .filter(i -> holders.stream().anyMatch(h -> h.contains("/" + i.process().pid() + "/"))).findFirst();
    }

    static String classpath() {
        // surefire starts tests from a manifest-only jar; it names the real test classpath in this property
        return Optional.ofNullable(System.getProperty("surefire.test.class.path")).orElse(System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
