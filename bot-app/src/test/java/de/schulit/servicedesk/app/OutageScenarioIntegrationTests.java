package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import de.schulit.servicedesk.telegram.FakeTelegramServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The internet of a school fails and 20 of its staff report it within minutes, 9 in the web chat, 6 in Telegram and
 * 5 in Matrix direct chats: the first report becomes a ticket, the 19 others join it (one ticket, the requester plus
 * 19 subscribers, 20 people affected), the agents' room counts the people affected in the ticket's thread and in
 * {@code !tickets}, and the agent's status change reaches all 20, each in their own channel. When the agent
 * resolves it, one of them confirms with the Telegram button and rates, and it closes for everybody.
 */
class OutageScenarioIntegrationTests {

    static final String SCHOOL = "demo-grundschule";
    static final List<String> REPORTS = List.of("Wir haben seit heute früh im ganzen Haus kein Internet",
            "Internet geht nicht", "Kein Internet im PC-Raum und im Lehrerzimmer",
            "Seit der großen Pause sind alle Webseiten nicht mehr erreichbar");
    static final int WEB_CHAT_JOINERS = 8;
    static final int TELEGRAM_JOINERS = 6;
    static final int MATRIX_JOINERS = 5;
    static final String AGENT = "@jana:" + FakeHomeserver.SERVER;

    static FakeTelegramServer telegram;
    static FakeHomeserver homeserver;
    static String agentRoom;
    static RunningApp app;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegramServer();
        homeserver = new FakeHomeserver();
        agentRoom = homeserver.createJoinedRoom(Map.of(AGENT, 50));
        List<String> properties = new ArrayList<>(List.of("servicedesk.telegram.enabled=true",
                "servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                "servicedesk.telegram.base-url=" + telegram.baseUrl()));
        properties.addAll(AgentRoom.matrixProperties(homeserver, agentRoom));
        app = new RunningApp("outage", properties.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.sinceTokens().stream().anyMatch(t -> t != null));
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
        homeserver.close();
    }

    @Test
    void twentyReportsOfOneOutageMakeOneTicketAndEveryoneHearsOfTheStatusChange() throws Exception {
        RunningApp.Chat requester = app.enrolledChat(SCHOOL, "STAFF", "Rita Requester");
        String number = fileOutage(requester);

        List<Callable<PrintingIntake.Chat>> joiners = new ArrayList<>();
        for (int i = 0; i < WEB_CHAT_JOINERS; i++) {
            String name = "Web Kollegin " + (char) ('A' + i);
            String report = REPORTS.get(i % REPORTS.size());
            joiners.add(() -> join(app.enrolledChat(SCHOOL, "STAFF", name), report, number));
        }
        for (int i = 0; i < TELEGRAM_JOINERS; i++) {
            long id = 8_100_000 + i;
            String name = "Telegram Kollege " + (char) ('A' + i);
            String report = REPORTS.get(i % REPORTS.size());
            joiners.add(() -> {
                TelegramTestChat chat = new TelegramTestChat(telegram, app, id);
                chat.says("/start " + app.enrollmentCode(SCHOOL, "STAFF"));
                assertThat(chat.says(name).text()).contains("Willkommen");
                return join(chat, report, number);
            });
        }
        for (int i = 0; i < MATRIX_JOINERS; i++) {
            String user = "@kollegin" + i + ":" + FakeHomeserver.SERVER;
            String name = "Matrix Kollegin " + (char) ('A' + i);
            String report = REPORTS.get(i % REPORTS.size());
            joiners.add(() -> {
                MatrixChat chat = new MatrixChat(homeserver, app, user);
                chat.says("/start " + app.enrollmentCode(SCHOOL, "STAFF"));
                assertThat(chat.says(name).text()).contains("Willkommen");
                return join(chat, report, number);
            });
        }
        List<PrintingIntake.Chat> joined = inParallel(joiners);

        JsonNode tickets = app.get("/api/tickets?schoolId=" + SCHOOL, RunningApp.AGENT_KEY).json().get("tickets");
        List<String> internetTickets = new ArrayList<>();
        tickets.forEach(t -> {
            if (t.get("serviceId").asString().equals("internet")) {
                internetTickets.add(t.get("number").asString());
            }
        });
        assertThat(internetTickets).containsExactly(number);
        JsonNode ticket = app.get("/api/tickets/" + number, RunningApp.AGENT_KEY).json();
        assertThat(ticket.get("affected").asInt()).isEqualTo(20);
        assertThat(ticket.get("subscribers")).hasSize(19);
        Set<String> channels = new HashSet<>();
        ticket.get("subscribers").forEach(s -> channels.add(s.get("channel").asString()));
        assertThat(channels).containsExactlyInAnyOrder("webchat", "telegram", "matrix");
        int messages = 0;
        for (JsonNode entry : ticket.get("history")) {
            messages += entry.get("type").asString().equals("REQUESTER_MESSAGE") ? 1 : 0;
        }
        assertThat(messages).isEqualTo(19);
        assertThat(app.get("/actuator/prometheus", null).body())
                .contains("servicedesk_tickets_grouped_total{service=\"internet\"} 19.0");
        assertTheAgentsRoomCountsTwentyAffected(number);

        List<String> cursors = new ArrayList<>();
        List<RunningApp.Chat> webChats = new ArrayList<>(List.of(requester));
        joined.stream().filter(c -> c instanceof RunningApp.Chat).forEach(c -> webChats.add((RunningApp.Chat) c));
        webChats.forEach(chat -> cursors.add(chat.lastId()));
        assertThat(app.post("/api/tickets/" + number + "/status", Map.of("status", "IN_PROGRESS",
                "comment", "Der Provider ist informiert."), RunningApp.AGENT_KEY).status()).isEqualTo(200);

        assertThat(webChats).hasSize(9);
        for (int i = 0; i < webChats.size(); i++) {
            JsonNode news = webChats.get(i).messagesAfter(cursors.get(i));
            assertThat(news).hasSize(1);
            assertThat(news.get(0).get("text").asString()).contains(number).contains("In Bearbeitung")
                    .contains("Der Provider ist informiert.");
        }
        List<TelegramTestChat> telegramChats = joined.stream().filter(c -> c instanceof TelegramTestChat)
                .map(c -> (TelegramTestChat) c).toList();
        assertThat(telegramChats).hasSize(6);
        for (TelegramTestChat chat : telegramChats) {
            await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(chat.id).stream()
                    .anyMatch(s -> s.text().contains(number) && s.text().contains("In Bearbeitung")
                            && s.text().contains("Der Provider ist informiert.")));
        }
        List<MatrixChat> matrixChats = joined.stream().filter(c -> c instanceof MatrixChat).map(c -> (MatrixChat) c).toList();
        assertThat(matrixChats).hasSize(5);
        for (MatrixChat chat : matrixChats) {
            await().atMost(Duration.ofSeconds(30)).until(() -> homeserver.botMessages(chat.room).stream()
                    .map(m -> m.path("content").path("body").asString())
                    .anyMatch(body -> body.contains(number) && body.contains("In Bearbeitung")
                            && body.contains("Der Provider ist informiert.")));
        }

        // resolved: one of them confirms with the button in Telegram and rates; the ticket closes for all
        String cursor = requester.messagesAfter(cursors.get(0)).get(0).get("id").asString();
        assertThat(app.post("/api/tickets/" + number + "/status", Map.of("status", "RESOLVED"), RunningApp.AGENT_KEY)
                .status()).isEqualTo(200);
        TelegramTestChat confirming = telegramChats.get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(confirming.id).stream()
                .anyMatch(s -> s.buttons().contains("solved:" + number)));
        FakeTelegramServer.Sent question = telegram.sentTo(confirming.id).stream()
                .filter(s -> s.buttons().contains("solved:" + number)).findFirst().orElseThrow();
        assertThat(question.text()).contains("Ist das Problem gelöst?");
        assertThat(confirming.presses(question, "solved:" + number).text()).contains("jetzt geschlossen")
                .contains("Wie zufrieden");
        assertThat(confirming.presses("rate:5").text()).contains("Vielen Dank");
        JsonNode closed = app.get("/api/tickets/" + number, RunningApp.AGENT_KEY).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history").toString()).contains("\"type\":\"RATING\"");
        JsonNode news = requester.messagesAfter(cursor);
        assertThat(news.get(0).get("text").asString()).contains("Ist das Problem gelöst?");
        assertThat(news.get(news.size() - 1).get("text").asString()).contains(number).contains("Geschlossen");
    }

    /**
     * Every joiner is posted in the ticket's thread with the count so far; the joins ran in parallel, and the last
     * post must still count all 20. The root post is edited to show the count; {@code !tickets} shows it too.
     */
    private static void assertTheAgentsRoomCountsTwentyAffected(String number) {
        AgentRoom room = new AgentRoom(app, homeserver, agentRoom);
        String root = room.rootOf(number).path("event_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> joinPosts(room, root).size() == 19);
        List<String> joins = joinPosts(room, root);
        assertThat(joins.get(joins.size() - 1)).contains("jetzt 20 Betroffene");
        room.awaitSent();
        assertThat(room.currentRoot(root)).startsWith("Neues Ticket " + number).contains("\n20 Betroffene\n");
        assertThat(joins).anyMatch(post -> post.contains("(matrix)")).anyMatch(post -> post.contains("(telegram)"))
                .anyMatch(post -> post.contains("(webchat)"));

        room.says(AGENT, "!tickets " + SCHOOL);
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(agentRoom).stream().map(AgentRoom::body)
                .anyMatch(body -> body.startsWith("Offene Tickets (" + SCHOOL + ")")
                        && body.lines().anyMatch(line -> line.startsWith(number) && line.endsWith("20 Betroffene"))));
    }

    private static List<String> joinPosts(AgentRoom room, String root) {
        return room.thread(root).stream().filter(body -> body.startsWith("Ebenfalls betroffen")).toList();
    }

    /** The first report: passes the self-help hint and answers everything up to the P1 ticket. */
    private static String fileOutage(RunningApp.Chat chat) {
        chat.says(REPORTS.get(0));
        PrintingIntake.chooseStoerung(chat, "internet", "Internetzugang");
        PrintingIntake.answerUntilSummary(chat, Map.of("Wo haben Sie das Problem bemerkt", "Lehrerzimmer"),
                List.of("choice:wlan", "impact:WHOLE_SCHOOL", "urgency:BLOCKED_NOW"));
        chat.presses("confirm");
        Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
        assertThat(number.find()).as(chat.text()).isTrue();
        assertThat(chat.text()).contains("P1 kritisch");
        return number.group();
    }

    /** A later report: the bot offers the open ticket before any question, and the person joins it. */
    private static PrintingIntake.Chat join(PrintingIntake.Chat chat, String report, String number) {
        chat.type(report);
        PrintingIntake.chooseStoerung(chat, "internet", "Internetzugang");
        assertThat(chat.text()).contains("schon ein Ticket offen: " + number);
        chat.press("join");
        assertThat(chat.text()).contains("bei Ticket " + number + " eingetragen");
        return chat;
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = executor.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
