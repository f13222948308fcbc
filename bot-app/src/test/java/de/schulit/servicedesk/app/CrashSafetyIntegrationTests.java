package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Failure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged app as a separate process, killed with SIGKILL three times while web chat users report and add
 * follow-ups, Telegram users add follow-ups in bursts and an agent answers through the agent API:
 * during a classification, between a ticket's insert and its reply (both via {@link CrashTestPause}), and while
 * Telegram holds back the answer to a sendMessage. After the last restart every inbound message has taken effect
 * exactly once, every outbound message reached its chat at least once and in order, and every ticket is whole.
 * Randomness is seeded: {@code -Dcrash-test.seed=...} repeats a run (the seed is printed).
 */
class CrashSafetyIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern NUMBER = Pattern.compile("SD-\\d{4}-\\d{5,}");
    private static final int WEB_USERS = 3;
    private static final int TELEGRAM_USERS = 2;
    private static final int WEB_FOLLOW_UPS = 4;
    private static final int TELEGRAM_FOLLOW_UPS = 8;
    private static final int AGENT_REPLIES = 3;
    private static final long FIRST_TELEGRAM_CHAT = 7_700_001L;

    private final Path directory = Path.of("bot-app", "target", "crash-test", Long.toString(System.nanoTime())).toAbsolutePath();
    private final String jdbcUrl = "jdbc:h2:file:" + directory.resolve("db") + shippedH2Options();
    private final FakeTelegramServer telegram = new FakeTelegramServer();
    private final int port = freePort();
    private final String baseUrl = "http://127.0.0.1:" + port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> tickets = new CopyOnWriteArrayList<>();
    private final Map<String, String> telegramFollowUps = new ConcurrentHashMap<>(); // text -> ticket
    private final Map<String, String> webFollowUps = new ConcurrentHashMap<>();
    private final Map<String, String> agentRepliesAcknowledged = new ConcurrentHashMap<>(); // text -> ticket
    private final Map<String, String> agentRepliesUncertain = new ConcurrentHashMap<>();
    private volatile boolean secondTelegramBurst;
    private volatile boolean finished;
    private final List<Future<?>> drivers = new CopyOnWriteArrayList<>();
    private Process app;

    @AfterEach
    void cleanUp() {
        finished = true;
        if (app != null) {
            app.destroyForcibly();
        }
        threads.shutdownNow();
        telegram.close();
    }

    @Test
    void killedThreeTimesUnderLoadNothingIsLostOrDoubled() throws Exception {
        long seed = Long.getLong("crash-test.seed", System.nanoTime());
        Random random = new Random(seed);
        int classificationToKill = 1 + random.nextInt(WEB_USERS - 1);
        // the first ticket of run 2: the report whose classification was killed is sure to get that far
        int ticketToKill = 1;
        int sendToHold = 1 + random.nextInt(3);
        System.out.printf("CrashSafetyIntegrationTests seed=%d: kill at classification #%d, ticket insert #%d,"
                + " sendMessage #%d%n", seed, classificationToKill, ticketToKill, sendToHold);

        start("run-1", CrashTestPause.CLASSIFICATION + ":" + classificationToKill);
        String staffCode = enrollmentCode("STAFF");
        String coordinatorCode = enrollmentCode("COORDINATOR");
        List<WebUser> webUsers = new ArrayList<>();
        for (int u = 0; u < WEB_USERS; u++) {
            WebUser user = new WebUser(u, staffCode);
            webUsers.add(user);
            drivers.add(threads.submit(user::report));
            threads.submit(user::poll);
        }
        for (int u = 0; u < TELEGRAM_USERS; u++) {
            long chat = FIRST_TELEGRAM_CHAT + u;
            drivers.add(threads.submit(() -> telegramUser(chat, coordinatorCode, new Random(seed + chat))));
        }
        drivers.add(threads.submit(this::agent));

        killWhenPaused("run-1");
        start("run-2", CrashTestPause.TICKET_CREATED + ":" + ticketToKill);
        killWhenPaused("run-2");

        List<Failure> script = new ArrayList<>(Collections.nCopies(sendToHold - 1, Failure.NONE));
        script.add(Failure.HOLD_AFTER_DELIVERY);
        telegram.failNext("sendMessage", script.toArray(Failure[]::new));
        secondTelegramBurst = true;
        start("run-3", null);
        await("a sendMessage in flight").atMost(Duration.ofSeconds(60))
                .until(() -> driversAlive() && telegram.heldCalls() == 1);
        kill();
        telegram.releaseHeld();

        start("run-4", null);
        for (Future<?> driver : drivers) {
            driver.get(90, TimeUnit.SECONDS);
        }
        finished = true;
        for (WebUser user : webUsers) {
            user.catchUp();
        }
        app.destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Connection db = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            assertThat(tickets).hasSize(WEB_USERS).doesNotHaveDuplicates();
            for (WebUser user : webUsers) {
                assertThat(count(db, "SELECT COUNT(*) FROM ticket WHERE requester_address = ?", user.address))
                        .as("one ticket for web user %d", user.index).isEqualTo(1);
                assertThat(user.seen).as("web user %d saw every message of the chat once, in order", user.index)
                        .containsExactlyElementsOf(outbox(db, "webchat", user.address));
            }
            for (String ticket : tickets) {
                assertIntact(db, ticket);
            }
            assertExactlyOnce(db, webFollowUps, "REQUESTER_MESSAGE");
            assertExactlyOnce(db, telegramFollowUps, "REQUESTER_MESSAGE");
            assertThat(telegramFollowUps).hasSize(TELEGRAM_USERS * TELEGRAM_FOLLOW_UPS);
            assertExactlyOnce(db, agentRepliesAcknowledged, "AGENT_REPLY");
            for (var uncertain : agentRepliesUncertain.entrySet()) {
                assertThat(historyCount(db, uncertain.getValue(), uncertain.getKey(), "AGENT_REPLY"))
                        .as("an agent reply whose answer was lost is there once or not at all").isLessThanOrEqualTo(1);
            }
            for (WebUser user : webUsers) {
                assertThat(String.join("\n", user.seen)).as("every stored agent reply reached its requester")
                        .contains(agentRepliesFor(db, user.address));
            }
            for (int u = 0; u < TELEGRAM_USERS; u++) {
                String chat = Long.toString(FIRST_TELEGRAM_CHAT + u);
                List<String> queued = outbox(db, "telegram", chat);
                assertThat(queued.stream().filter(t -> t.startsWith("Danke, Ihr Nachtrag ist bei Ticket")).count())
                        .as("one confirmation per follow-up, no turn repeated").isEqualTo(TELEGRAM_FOLLOW_UPS);
                List<String> sent = telegram.sentTo(FIRST_TELEGRAM_CHAT + u).stream().map(FakeTelegramServer.Sent::text).toList();
                assertThat(sent.size()).isGreaterThanOrEqualTo(queued.size());
                assertThat(withoutRepeats(sent)).as("Telegram chat %s: everything, in order (a resend repeats"
                        + " one message in place)", chat).isEqualTo(withoutRepeats(queued));
            }
        }
    }

    // --- the process ------------------------------------------------------------------------------------------------

    private void start(String run, String pauseAt) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        if (pauseAt != null) {
            command.add("-D" + CrashTestPause.PROPERTY + "=" + pauseAt);
        }
        command.addAll(List.of("de.schulit.servicedesk.ServicedeskApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--servicedesk.api.agent-keys[0]=" + RunningApp.AGENT_KEY,
                "--servicedesk.api.admin-keys[0]=" + RunningApp.ADMIN_KEY,
                "--servicedesk.telegram.enabled=true",
                "--servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                "--servicedesk.telegram.base-url=" + telegram.baseUrl(),
                "--logging.level.root=WARN"));
        Files.createDirectories(directory);
        app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(run + ".log").toFile()).start();
        Process process = app;
        await(run + " up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("%s exited, see %s", run, directory.resolve(run + ".log")).isTrue();
            return up();
        });
    }

    private void killWhenPaused(String run) {
        Path log = directory.resolve(run + ".log");
        await(run + " paused").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> driversAlive() && Files.readString(log).contains(CrashTestPause.ANNOUNCEMENT));
        kill();
    }

    /** SIGKILL: {@code destroyForcibly} on Linux; the exit status 128 + 9 proves it. */
    private void kill() {
        app.destroyForcibly();
        try {
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(app.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** A driver that failed fails the test now, with its own message, instead of a timeout later. */
    private boolean driversAlive() throws Exception {
        for (Future<?> driver : drivers) {
            if (driver.isDone()) {
                driver.get();
            }
        }
        return true;
    }

    private boolean up() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitUp() {
        await("app up again").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(this::up);
    }

    /** The options of the shipped H2 URL (after the path), so the test runs the database as shipped. */
    private static String shippedH2Options() {
        try {
            Matcher url = Pattern.compile("url: jdbc:h2:file:\\./data/servicedesk(;\\S*)").matcher(Files.readString(Path.of("config", "application.yml")));
            assertThat(url.find()).as("the shipped datasource URL").isTrue();
            return url.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    record Reply(int status, JsonNode json) {
    }

    /** One request; a dead or dying app throws IOException. */
    private Reply call(String method, String path, Object body, String apiKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IOException("answered " + response.statusCode() + ": " + response.body());
            }
            return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String enrollmentCode(String role) throws IOException {
        Reply reply = call("POST", "/api/schools/demo-grundschule/enrollment-codes",
                Map.of("maxUses", 10, "validDays", 1, "role", role), RunningApp.ADMIN_KEY);
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("code").asString();
    }

    // --- web chat users ---------------------------------------------------------------------------------------------

    /** A web chat user who enrolls, reports the printer and adds follow-ups; a second thread polls like the page. */
    final class WebUser implements PrintingIntake.Chat {
        final int index;
        final String code;
        final String sessionId;
        final String address;
        final List<String> seen = new CopyOnWriteArrayList<>();
        private long pollCursor;
        private JsonNode last = JSON.createArrayNode();

        WebUser(int index, String code) throws IOException {
            this.index = index;
            this.code = code;
            this.sessionId = call("POST", "/api/chat/sessions", Map.of(), null).json().get("sessionId").asString();
            this.address = sha256(sessionId);
        }

        void report() {
            type("/start " + code);
            type(List.of("Anna", "Bert", "Carla", "Dora").get(index) + " Weber");
            assertThat(text()).contains("Willkommen");
            type(WebChatScenarioIntegrationTests.PRINTER);
            PrintingIntake.choosePrinting(this);
            PrintingIntake.answerUntilSummary(this);
            press("confirm");
            PrintingIntake.fileOwnTicket(this);
            Matcher number = NUMBER.matcher(text());
            assertThat(number.find()).as(text()).isTrue();
            String ticket = number.group();
            tickets.add(ticket);
            for (int i = 0; i < WEB_FOLLOW_UPS; i++) {
                String note = "web-" + index + "-" + i;
                webFollowUps.put(note, ticket);
                type("Nachtrag zu " + ticket + ": " + note);
                assertThat(text()).contains("Nachtrag ist bei Ticket " + ticket);
            }
        }

        @Override
        public void type(String text) {
            turn(Map.of("text", text));
        }

        @Override
        public void press(String optionId) {
            turn(Map.of("optionId", optionId));
        }

        /**
         * Sends one input. If the app dies before answering, the turn either committed (its replies are in the chat,
         * found by polling from the cursor taken before) or left no trace and is sent again: exactly once either way.
         */
        private void turn(Map<String, String> body) {
            long before = retrying(this::newest);
            while (true) {
                try {
                    last = call("POST", "/api/chat/sessions/" + sessionId + "/messages", body, null).json().get("messages");
                    return;
                } catch (IOException e) {
                    awaitUp();
                }
                List<JsonNode> replies = retrying(() -> list(messagesAfter(before)).stream()
                        .filter(m -> !isNotification(m.get("text").asString())).toList());
                if (!replies.isEmpty()) {
                    last = JSON.createArrayNode().addAll(replies);
                    return;
                }
            }
        }

        private long newest() throws IOException {
            long cursor = 0;
            for (List<JsonNode> page = list(messagesAfter(0)); !page.isEmpty(); page = list(messagesAfter(cursor))) {
                cursor = Long.parseLong(page.get(page.size() - 1).get("id").asString());
            }
            return cursor;
        }

        private JsonNode messagesAfter(long cursor) throws IOException {
            return call("GET", "/api/chat/sessions/" + sessionId + "/messages?after=" + cursor, null, null).json();
        }

        /** Polls as the chat page does, through every crash, until the test is finished. */
        void poll() {
            while (!finished) {
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    awaitUp();
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the page's polling pace, not a wait for a result
            }
        }

        synchronized void catchUp() {
            try {
                for (List<JsonNode> page = list(messagesAfter(pollCursor)); !page.isEmpty();
                     page = list(messagesAfter(pollCursor))) {
                    for (JsonNode message : page) {
                        seen.add(message.get("text").asString());
                        pollCursor = Long.parseLong(message.get("id").asString());
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String text() {
            return RunningApp.texts(last);
        }

        @Override
        public List<String> optionIds() {
            return RunningApp.lastOptionIds(last);
        }
    }

    interface HttpCall<T> {
        T call() throws IOException;
    }

    private <T> T retrying(HttpCall<T> call) {
        while (true) {
            try {
                return call.call();
            } catch (IOException e) {
                awaitUp();
            }
        }
    }

    private static List<JsonNode> list(JsonNode messagesResponse) {
        List<JsonNode> messages = new ArrayList<>();
        messagesResponse.get("messages").forEach(messages::add);
        return messages;
    }

    private static boolean isNotification(String text) {
        return text.startsWith("Servicedesk zu Ticket") || text.startsWith("Neuigkeiten zu Ihrem Ticket");
    }

    // --- Telegram users and the agent -------------------------------------------------------------------------------

    /** A coordinator who sees all of the school's tickets and adds follow-ups to them in two bursts, not waiting. */
    private void telegramUser(long chat, String code, Random random) {
        telegram.userSends(chat, "/start " + code);
        awaitTelegram(chat, "Wie heißen Sie");
        telegram.userSends(chat, (chat % 2 == 0 ? "Tom" : "Tina") + " Telegramm");
        awaitTelegram(chat, "Willkommen");
        await().atMost(Duration.ofSeconds(120)).until(() -> tickets.size() >= 2);
        for (int i = 0; i < TELEGRAM_FOLLOW_UPS; i++) {
            if (i == TELEGRAM_FOLLOW_UPS / 2) {
                await().atMost(Duration.ofSeconds(180)).until(() -> secondTelegramBurst);
            }
            String ticket = tickets.get(random.nextInt(tickets.size()));
            String note = "tg-" + chat + "-" + i;
            telegramFollowUps.put(note, ticket);
            telegram.userSends(chat, "Nachtrag zu " + ticket + ": " + note);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> telegram.sentTo(chat).stream()
                .filter(s -> s.text().startsWith("Danke, Ihr Nachtrag")).count() >= TELEGRAM_FOLLOW_UPS);
    }

    private void awaitTelegram(long chat, String text) {
        await().atMost(Duration.ofSeconds(120)).until(() -> telegram.sentTo(chat).stream().anyMatch(s -> s.text().contains(text)));
    }

    /** Answers every ticket a few times as it appears; a reply whose answer got lost in a crash is not repeated. */
    private void agent() {
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        while (answered.size() < WEB_USERS || answered.values().stream().anyMatch(n -> n < AGENT_REPLIES)) {
            for (String ticket : tickets) {
                int n = answered.getOrDefault(ticket, 0);
                if (n < AGENT_REPLIES) {
                    String text = "agent-" + ticket + "-" + n;
                    try {
                        Reply reply = call("POST", "/api/tickets/" + ticket + "/messages",
                                Map.of("text", text, "internal", false), RunningApp.AGENT_KEY);
                        assertThat(reply.status()).as("reply to %s: %s", ticket, reply.json()).isEqualTo(200);
                        agentRepliesAcknowledged.put(text, ticket);
                    } catch (IOException e) {
                        agentRepliesUncertain.put(text, ticket);
                        awaitUp();
                    }
                    answered.put(ticket, n + 1);
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // an agent's pace between rounds
        }
    }

    // --- checks on the database -------------------------------------------------------------------------------------

    private void assertIntact(Connection db, String ticket) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT service_id, request_type, priority, status, title,"
                + " description, (SELECT COUNT(*) FROM ticket_field f WHERE f.ticket_id = t.id),"
                + " (SELECT COUNT(*) FROM ticket_history h WHERE h.ticket_id = t.id AND h.type = 'CREATED')"
                + " FROM ticket t WHERE number = ?")) {
            query.setString(1, ticket);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(ticket).isTrue();
                assertThat(row.getString(1)).isEqualTo("drucken");
                assertThat(row.getString(2)).isEqualTo("stoerung");
                assertThat(row.getString(3)).isEqualTo("P3");
                assertThat(row.getString(4)).isEqualTo("NEW");
                assertThat(row.getString(5)).isNotBlank();
                assertThat(row.getString(6)).contains("Drucker im Lehrerzimmer");
                assertThat(row.getLong(7)).as("answers of %s", ticket).isPositive();
                assertThat(row.getLong(8)).as("one creation entry of %s", ticket).isEqualTo(1);
            }
        }
    }

    private void assertExactlyOnce(Connection db, Map<String, String> textToTicket, String type) throws SQLException {
        for (var entry : textToTicket.entrySet()) {
            assertThat(historyCount(db, entry.getValue(), entry.getKey(), type))
                    .as("%s on %s exactly once", entry.getKey(), entry.getValue()).isEqualTo(1);
        }
    }

    private static long historyCount(Connection db, String ticket, String text, String type) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM ticket_history h JOIN ticket t ON t.id = h.ticket_id"
                + " WHERE t.number = ? AND h.type = ? AND h.text LIKE ?", ticket, type, "%" + text + "%");
    }

    private static List<String> agentRepliesFor(Connection db, String address) throws SQLException {
        List<String> replies = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT h.text FROM ticket_history h JOIN ticket t ON"
                + " t.id = h.ticket_id WHERE t.requester_address = ? AND h.type = 'AGENT_REPLY' ORDER BY h.id")) {
            query.setString(1, address);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    replies.add(rows.getString(1));
                }
            }
        }
        return replies;
    }

    private static List<String> outbox(Connection db, String channel, String address) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT text FROM outbound_message WHERE channel = ? AND address = ? ORDER BY id")) {
            query.setString(1, channel);
            query.setString(2, address);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        }
        return texts;
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<String> withoutRepeats(List<String> texts) {
        List<String> result = new ArrayList<>();
        for (String text : texts) {
            if (result.isEmpty() || !result.get(result.size() - 1).equals(text)) {
                result.add(text);
            }
        }
        return result;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
