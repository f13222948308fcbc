package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The real app against the fake homeserver, configured with the SPEC.md keys only: a requester's intake in a Matrix
 * direct chat, the ticket in the agents' room, agents answering from its thread to a Matrix and a web-chat requester,
 * follow-ups and status changes in the thread, every agent command and the refusal of a non-agent, a retried send,
 * an encrypted room, an invitation from a foreign server, and a user of a school's homeserver enrolling without a code.
 */
class MatrixScenarioIntegrationTests {

    static final String AGENT = "@jana:" + FakeHomeserver.SERVER;
    static final String MEMBER = "@praktikant:" + FakeHomeserver.SERVER;
    static final byte[] JPEG = TelegramScenarioIntegrationTests.JPEG;

    static FakeHomeserver homeserver;
    static RunningApp app;
    static String agentRoom;

    @BeforeAll
    static void start() {
        homeserver = new FakeHomeserver();
        agentRoom = homeserver.createJoinedRoom(Map.of(AGENT, 50, MEMBER, 0));
        app = new RunningApp("matrix", AgentRoom.matrixProperties(homeserver, agentRoom).toArray(String[]::new));
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.sinceTokens().stream().anyMatch(t -> t != null));
    }

    @AfterAll
    static void stop() {
        app.close();
        homeserver.close();
    }

    static MatrixChat enrolledMatrixChat(String user, String name) {
        MatrixChat chat = new MatrixChat(homeserver, app, user);
        assertThat(chat.says("/start " + app.enrollmentCode("demo-grundschule", "STAFF")).text())
                .contains("Demo-Grundschule am See").contains("Wie heißen Sie?");
        assertThat(chat.says(name).text()).contains("Willkommen, " + name);
        return chat;
    }

    /** Reports the printer problem up to the ticket; returns its number. */
    static String reportPrinter(PrintingIntake.Chat chat, String description) {
        chat.type(description);
        PrintingIntake.choosePrinting(chat);
        PrintingIntake.answerUntilSummary(chat);
        chat.press("confirm");
        Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
        assertThat(number.find()).as(chat.text()).isTrue();
        return number.group();
    }

    static AgentRoom room() {
        return new AgentRoom(app, homeserver, agentRoom);
    }

    /** The root post of a ticket in the agents' room (waits for it). */
    static JsonNode rootOf(String ticket) {
        return room().rootOf(ticket);
    }

    static String awaitInThread(String root, String text) {
        return room().awaitInThread(root, text);
    }

    static String agentSays(String sender, String root, String text) {
        return room().saysInThread(sender, root, text);
    }

    static JsonNode ticketJson(String ticket) {
        return app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json();
    }

    @Test
    void aRequesterReportsInADirectChatWithAPhotoAndTheTicketAppearsInTheAgentsRoom() {
        MatrixChat chat = enrolledMatrixChat("@anna:" + FakeHomeserver.SERVER, "Anna Schmidt");

        chat.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(chat);
        assertThat(chat.text()).contains("In welchem Raum");
        assertThat(chat.sendsFile("m.image", "drucker.jpg", "image/jpeg", JPEG).text())
                .contains("füge ich Ihrer Meldung bei");
        PrintingIntake.answerUntilSummary(chat);
        assertThat(chat.text()).contains("Bitte prüfen Sie Ihre Meldung").contains("Lehrerzimmer");
        assertThat(chat.last).allSatisfy(m -> assertThat(m.path("content").path("msgtype").asString()).isEqualTo("m.notice"));
        chat.press("confirm");
        Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
        assertThat(number.find()).as(chat.text()).isTrue();
        String ticket = number.group();

        JsonNode json = ticketJson(ticket);
        assertThat(json.get("serviceId").asString()).isEqualTo("drucken");
        assertThat(json.get("attachments")).hasSize(1);
        assertThat(json.get("attachments").get(0).toString()).contains("image/jpeg");

        String root = rootOf(ticket).path("content").path("body").asString();
        assertThat(root).contains("Demo-Grundschule am See").contains("Drucken & Kopieren").contains("Störung")
                .contains("P3 mittel").contains("leere Seiten").contains("Anna Schmidt (matrix)")
                .contains("Anhänge (im Thread): drucker.jpg (image/jpeg)");
        String rootId = rootOf(ticket).path("event_id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.thread(agentRoom, rootId).stream()
                .anyMatch(m -> m.path("content").path("msgtype").asString().equals("m.image")));
        JsonNode photo = homeserver.thread(agentRoom, rootId).stream()
                .filter(m -> m.path("content").path("msgtype").asString().equals("m.image")).findFirst().orElseThrow();
        assertThat(photo.path("content").path("body").asString()).isEqualTo("drucker.jpg");
        assertThat(homeserver.media(photo.path("content").path("url").asString())).isEqualTo(JPEG);
    }

    @Test
    void userTextIsEscapedInTheFormattedBody() {
        MatrixChat chat = enrolledMatrixChat("@html:" + FakeHomeserver.SERVER, "Hanna Lang");
        chat.says("Der Drucker <b>druckt</b> nur noch leere Seiten & <script>alert(1)</script>");
        PrintingIntake.choosePrinting(chat);
        PrintingIntake.answerUntilSummary(chat);

        assertThat(chat.text()).contains("Der Drucker <b>druckt</b> nur noch leere Seiten & <script>alert(1)</script>");
        assertThat(chat.html()).contains("Der Drucker &lt;b&gt;druckt&lt;/b&gt; nur noch leere Seiten &amp; "
                + "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<b>druckt").doesNotContain("<script>");
        chat.press("cancel");
    }

    @Test
    void agentsAnswerFromTheThreadToAMatrixAndAWebChatRequesterAndFollowUpsComeBack() {
        MatrixChat matrix = enrolledMatrixChat("@carla:" + FakeHomeserver.SERVER, "Carla Weber");
        String matrixTicket = reportPrinter(matrix, "Der Kopierer im Lehrerzimmer druckt nur noch leere Seiten");
        RunningApp.Chat web = app.enrolledChat("demo-grundschule", "STAFF", "Berta Klein");
        String webTicket = reportPrinter(web, "Der Drucker in Raum 12 druckt nur noch leere Seiten");

        String matrixRoot = rootOf(matrixTicket).path("event_id").asString();
        String webRoot = rootOf(webTicket).path("event_id").asString();
        agentSays(AGENT, matrixRoot, "Der Techniker kommt morgen um 9 Uhr.");
        agentSays(AGENT, webRoot, "Bitte prüfen Sie das Papierfach.");

        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(matrix.room).stream()
                .anyMatch(m -> m.path("content").path("body").asString().contains("Der Techniker kommt morgen um 9 Uhr.")));
        String lastWebId = web.lastId();
        await().atMost(Duration.ofSeconds(20)).until(() -> web.messagesAfter(lastWebId).toString()
                .contains("Bitte prüfen Sie das Papierfach."));
        assertThat(web.messagesAfter(lastWebId).toString()).doesNotContain("Der Techniker kommt");
        assertThat(ticketJson(matrixTicket).get("history").toString()).contains("AGENT_REPLY")
                .contains("Der Techniker kommt morgen um 9 Uhr.").contains(AGENT);
        awaitInThread(matrixRoot, "An die meldende Person gesendet");

        matrix.awaitDelivered();
        matrix.seen = homeserver.botMessages(matrix.room).size();
        matrix.says("Danke, ich bin ab 8 Uhr im Haus.");
        matrix.press("followup");
        assertThat(awaitInThread(matrixRoot, "Danke, ich bin ab 8 Uhr im Haus."))
                .startsWith("Nachricht von Carla Weber");
        web.says("Nachtrag zu " + webTicket + ": Das Papierfach ist voll.");
        assertThat(awaitInThread(webRoot, "Das Papierfach ist voll.")).startsWith("Nachricht von Berta Klein");
    }

    @Test
    void everyAgentCommandWorksInTheThreadAndANonAgentIsRefusedPolitely() {
        MatrixChat chat = enrolledMatrixChat("@dora:" + FakeHomeserver.SERVER, "Dora Neumann");
        String ticket = reportPrinter(chat, "Der Drucker im Sekretariat druckt nur noch leere Seiten");
        String root = rootOf(ticket).path("event_id").asString();

        agentSays(MEMBER, root, "!status geschlossen");
        agentSays(MEMBER, root, "Hallo, ich schaue mal.");
        assertThat(awaitInThread(root, "Entschuldigung")).contains(MEMBER).contains("Es wurde nichts geändert");
        assertThat(ticketJson(ticket).get("status").asString()).isEqualTo("NEW");
        assertThat(ticketJson(ticket).get("history").toString()).doesNotContain("AGENT_REPLY");

        agentSays(AGENT, root, "!status in-bearbeitung Der Techniker ist informiert.");
        assertThat(awaitInThread(root, "Status: Neu → In Bearbeitung")).contains("Der Techniker ist informiert.");
        assertThat(ticketJson(ticket).get("status").asString()).isEqualTo("IN_PROGRESS");
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(chat.room).stream()
                .anyMatch(m -> m.path("content").path("body").asString().contains("In Bearbeitung")));

        agentSays(AGENT, root, "!notiz Toner ist bestellt, intern");
        awaitInThread(root, "Interne Notiz gespeichert");
        assertThat(ticketJson(ticket).get("history").toString()).contains("INTERNAL_NOTE").contains("Toner ist bestellt");

        assertThat(ticketJson(ticket).get("assignee").isNull()).isTrue();
        agentSays(AGENT, root, "!zuweisen @max:" + FakeHomeserver.SERVER);
        awaitInThread(root, "Zugewiesen an @max:" + FakeHomeserver.SERVER);
        assertThat(app.bean(JdbcClient.class).sql("SELECT assignee FROM ticket WHERE number = :n").param("n", ticket)
                .query(String.class).single()).isEqualTo("@max:" + FakeHomeserver.SERVER);
        assertThat(ticketJson(ticket).get("assignee").asString()).isEqualTo("@max:" + FakeHomeserver.SERVER);
        assertThat(app.get("/api/tickets?schoolId=demo-grundschule", RunningApp.AGENT_KEY).json().get("tickets"))
                .anySatisfy(listed -> {
                    assertThat(listed.get("number").asString()).isEqualTo(ticket);
                    assertThat(listed.get("assignee").asString()).isEqualTo("@max:" + FakeHomeserver.SERVER);
                });

        agentSays(AGENT, root, "!prio P1");
        awaitInThread(root, "Priorität: P3 mittel → P1 kritisch");
        assertThat(ticketJson(ticket).get("priority").asString()).isEqualTo("P1");
        room().awaitSent();
        assertThat(room().currentRoot(root)).contains("Priorität: P1 kritisch").doesNotContain("P3 mittel");

        agentSays(AGENT, root, "!prio P9");
        awaitInThread(root, "!prio P1|P2|P3|P4");

        String list = homeserver.userSends(agentRoom, AGENT, "!tickets demo-grundschule");
        awaitProcessed(list);
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(agentRoom).stream()
                .anyMatch(m -> m.path("content").path("body").asString().startsWith("Offene Tickets (demo-grundschule)")
                        && m.path("content").path("body").asString().contains(ticket)));
        awaitProcessed(homeserver.userSends(agentRoom, AGENT, "!tickets demo-gymnasium"));
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(agentRoom).stream()
                .anyMatch(m -> m.path("content").path("body").asString().equals("Keine offenen Tickets (demo-gymnasium).")));

        chat.awaitDelivered();
        List<String> toRequester = homeserver.botMessages(chat.room).stream()
                .map(m -> m.path("content").path("body").asString()).toList();
        // "Toner" alone is in the printer self-help the requester was shown; the internal note must not be
        assertThat(toRequester.toString()).doesNotContain("Toner ist bestellt").doesNotContain("@max")
                .doesNotContain("geschlossen");
    }

    @Test
    void aStatusChangeThroughTheAgentApiNotifiesTheRequesterAndUpdatesTheThread() {
        MatrixChat chat = enrolledMatrixChat("@emil:" + FakeHomeserver.SERVER, "Emil Roth");
        String ticket = reportPrinter(chat, "Der Drucker im Werkraum druckt nur noch leere Seiten");
        String root = rootOf(ticket).path("event_id").asString();

        app.post("/api/tickets/" + ticket + "/status", Map.of("status", "WAITING", "comment", "Welches Modell?"),
                RunningApp.AGENT_KEY);
        app.post("/api/tickets/" + ticket + "/messages", Map.of("text", "Bitte senden Sie ein Foto."), RunningApp.AGENT_KEY);

        assertThat(awaitInThread(root, "Status: Neu → Wartet auf Rückmeldung")).contains("Welches Modell?");
        assertThat(awaitInThread(root, "Bitte senden Sie ein Foto.")).startsWith("Antwort von");
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(chat.room).stream()
                .anyMatch(m -> m.path("content").path("body").asString().contains("Bitte senden Sie ein Foto.")));
    }

    @Test
    void aSendWhoseAnswerWasLostOrThatWasRateLimitedIsDeliveredExactlyOnce() {
        MatrixChat chat = enrolledMatrixChat("@fritz:" + FakeHomeserver.SERVER, "Fritz Vogel");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM matrix_room_post WHERE sent_at IS NULL").query(Long.class).single() == 0);
        int before = homeserver.sendRequests();
        homeserver.failSends(FakeHomeserver.Failure.DROP_AFTER_DELIVERY, FakeHomeserver.Failure.RATE_LIMIT_HEADER,
                FakeHomeserver.Failure.RATE_LIMIT_BODY);

        chat.says("/hilfe");

        assertThat(chat.last).hasSize(1);
        assertThat(chat.text()).contains("/tickets");
        assertThat(homeserver.sendRequests() - before).isEqualTo(4);
        assertThat(app.get("/actuator/prometheus", null).body())
                .containsPattern("servicedesk_delivery_retries_total\\{channel=\"matrix\"} [1-9]");
    }

    @Test
    void healthAndMetricsShowTheMatrixChannel() {
        enrolledMatrixChat("@otto:" + FakeHomeserver.SERVER, "Otto Ohm");

        RunningApp.Response health = app.get("/actuator/health", null);
        JsonNode matrix = health.json().get("components").get("matrix");
        assertThat(matrix.get("status").asString()).as(health.body()).isEqualTo("UP");
        assertThat(matrix.get("details").get("connected").asBoolean()).isTrue();
        assertThat(matrix.get("details").has("lastContact")).as("a sync succeeded").isTrue();
        assertThat(matrix.get("details").has("lastDelivery")).isTrue();
        assertThat(matrix.get("details").has("queueDepth")).isTrue();
        assertThat(app.get("/actuator/prometheus", null).body())
                .containsPattern("servicedesk_messages_in_total\\{channel=\"matrix\"} [1-9]")
                .containsPattern("servicedesk_delivery_delivered_total\\{channel=\"matrix\"} [1-9]")
                .contains("servicedesk_outbox_queue_depth{channel=\"matrix\"}")
                .doesNotContain("otto");
    }

    @Test
    void erasingAMatrixRequesterDeletesTheirStoredEventsAndTheRoomPostsAboutTheirTicket() {
        MatrixChat chat = enrolledMatrixChat("@erika:" + FakeHomeserver.SERVER, "Erika Eraser");
        String ticket = reportPrinter(chat, "Der Drucker im Musikraum druckt nur noch leere Seiten");
        String root = rootOf(ticket).path("event_id").asString();
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM matrix_room_post WHERE "
                + "ticket_number = :t AND sent_at IS NOT NULL").param("t", ticket).query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matrix_event WHERE payload LIKE '%Musikraum%'")
                .query(Long.class).single()).isOne();

        chat.says("/daten-loeschen");
        chat.press("erase");
        assertThat(chat.text()).contains("pseudonymisiert");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM matrix_event WHERE payload LIKE '%Musikraum%' "
                + "OR payload LIKE '%Erika Eraser%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM matrix_room_post WHERE ticket_number = :t").param("t", ticket)
                .query(Long.class).single()).isZero();
        // the pseudonymised ticket (no requester chat any more) still works in the agents' room
        assertThat(app.post("/api/tickets/" + ticket + "/status", Map.of("status", "IN_PROGRESS"),
                RunningApp.AGENT_KEY).status()).isEqualTo(200);
        assertThat(awaitInThread(root, "Status: Neu → In Bearbeitung")).isNotEmpty();
        assertThat(ticketJson(ticket).get("requester").get("channel").isNull()).isTrue();
    }

    @Test
    void anEncryptedRoomIsAnsweredHonestlyOnce() {
        String user = "@gerd:" + FakeHomeserver.SERVER;
        MatrixChat chat = new MatrixChat(homeserver, app, user);
        homeserver.encrypt(chat.room, user);
        String first = homeserver.userSendsEncrypted(chat.room, user);
        chat.settle(first);
        chat.settle(homeserver.userSendsEncrypted(chat.room, user));

        await().atMost(Duration.ofSeconds(20)).until(() -> !homeserver.botMessages(chat.room).isEmpty());
        List<JsonNode> notices = homeserver.botMessages(chat.room);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).path("content").path("body").asString()).contains("Ende-zu-Ende-verschlüsselt")
                .contains("unverschlüsselten Direktchat");
    }

    @Test
    void anInvitationFromAForeignServerIsDeclined() {
        String room = homeserver.createDirectRoom("@fremd:anderer-server.example");
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botDeclined(room));
        assertThat(homeserver.botJoined(room)).isFalse();
    }

    @Test
    void aUserOfASchoolsHomeserverEnrollsWithTheirNameOnly() {
        MatrixChat chat = new MatrixChat(homeserver, app, "@lehrerin:gs-am-park.schulen.example.de");
        assertThat(chat.says("Hallo").text()).contains("Grundschule am Park").contains("Wie heißen Sie?");
        assertThat(chat.says("Ida Berg").text()).contains("Willkommen, Ida Berg").contains("Grundschule am Park");
        assertThat(chat.says("/tickets").text()).doesNotContain("Einschreibecode");
    }

    static void awaitProcessed(String eventId) {
        room().awaitProcessed(eventId);
    }
}
