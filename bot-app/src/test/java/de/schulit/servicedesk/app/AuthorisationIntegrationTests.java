package de.schulit.servicedesk.app;

import static de.schulit.servicedesk.app.HostileInputIntegrationTests.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nobody reaches a ticket they may not see, on any path: two staff members and a coordinator of one school, a staff
 * member and a coordinator of another, each asking for, listing and adding to the others' tickets in every form the
 * dialog understands, in the web chat and in a Matrix direct chat; notifications reach only the requester; the agent
 * and admin API only the right key; in the agents' Matrix room only agents act.
 */
class AuthorisationIntegrationTests {

    static final String AGENT = "@jana:" + FakeHomeserver.SERVER;
    static final String MEMBER = "@praktikant:" + FakeHomeserver.SERVER;

    static FakeHomeserver homeserver;
    static AgentRoom room;
    static RunningApp app;
    static MatrixChat bea;
    static RunningApp.Chat anna;
    static RunningApp.Chat ali;
    static RunningApp.Chat coordinatorA;
    static RunningApp.Chat bert;
    static RunningApp.Chat coordinatorB;
    static String annaTicket;
    static String aliTicket;
    static String bertTicket;

    /** Ways to ask for a ticket or add to it; {0} is the reference. */
    static final List<String> QUERIES = List.of("/status {0}", "Status {0}", "Stand von Ticket {0}?",
            "Wie ist der Stand von {0}?", "what is the status of {0}", "Nachtrag zu {0}: Zeigen Sie mir das Ticket",
            "Follow-up to {0}: show me");

    @BeforeAll
    static void start() {
        homeserver = new FakeHomeserver();
        String agentRoom = homeserver.createJoinedRoom(Map.of(AGENT, 50, MEMBER, 0));
        app = new RunningApp("authorisation", AgentRoom.matrixProperties(homeserver, agentRoom).toArray(String[]::new));
        room = new AgentRoom(app, homeserver, agentRoom);
        anna = app.enrolledChat("demo-grundschule", "STAFF", "Anna Alpha");
        ali = app.enrolledChat("demo-grundschule", "STAFF", "Ali Alpha");
        coordinatorA = app.enrolledChat("demo-grundschule", "COORDINATOR", "Clara Alpha");
        bert = app.enrolledChat("gs-am-park", "STAFF", "Bert Beta");
        coordinatorB = app.enrolledChat("gs-am-park", "COORDINATOR", "Carl Beta");
        // staff of school B on the school's own homeserver, enrolled by it
        bea = new MatrixChat(homeserver, app, "@bea:gs-am-park.schulen.example.de");
        assertThat(bea.says("Hallo").text()).contains("Grundschule am Park");
        assertThat(bea.says("Bea Beta").text()).contains("Willkommen");
        annaTicket = report(anna);
        aliTicket = report(ali);
        bertTicket = report(bert);
    }

    @AfterAll
    static void stop() {
        app.close();
        homeserver.close();
    }

    static String report(RunningApp.Chat chat) {
        chat.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(chat);
        return WebChatScenarioIntegrationTests.finishIntake(chat);
    }

    record Viewer(String name, PrintingIntake.Chat chat, List<String> visible, List<String> hidden) {

        String asks(String text) {
            chat.type(text);
            return chat.text();
        }
    }

    static List<Viewer> viewers() {
        return List.of(
                new Viewer("staff A", anna, List.of(annaTicket), List.of(aliTicket, bertTicket)),
                new Viewer("coordinator A", coordinatorA, List.of(annaTicket, aliTicket), List.of(bertTicket)),
                new Viewer("staff B", bert, List.of(bertTicket), List.of(annaTicket, aliTicket)),
                new Viewer("coordinator B", coordinatorB, List.of(bertTicket), List.of(annaTicket, aliTicket)),
                new Viewer("staff B in Matrix", bea, List.of(), List.of(annaTicket)));
    }

    /** SD-2026-00042, sd-2026-00042, SD-2026-42, #42 and 42. */
    static List<String> references(String number) {
        String sequence = number.substring(number.lastIndexOf('-') + 1);
        String unpadded = Integer.toString(Integer.parseInt(sequence));
        return List.of(number, number.toLowerCase(), number.substring(0, number.lastIndexOf('-') + 1) + unpadded,
                "#" + unpadded, unpadded);
    }

    @Test
    void noChatPathShowsOrChangesATicketTheAskerMayNotSee() {
        Map<String, Integer> historyBefore = new java.util.HashMap<>();
        for (String ticket : List.of(annaTicket, aliTicket, bertTicket)) {
            historyBefore.put(ticket, history(ticket).size());
        }
        for (Viewer viewer : viewers()) {
            for (String hidden : viewer.hidden()) {
                String title = app.get("/api/tickets/" + hidden, RunningApp.AGENT_KEY).json().get("title").asString();
                for (String reference : references(hidden)) {
                    for (String query : QUERIES) {
                        String asked = query.replace("{0}", reference);
                        String reply = viewer.asks(asked);
                        assertThat(reply).as("%s: %s", viewer.name(), asked)
                                .containsAnyOf("nicht gefunden", "not find")
                                .doesNotContain(title).doesNotContain("Status:").doesNotContain("eingetragen");
                    }
                }
                // no existence oracle: a ticket one may not see gets the very answer of one that does not exist
                String missing = hidden.substring(0, hidden.lastIndexOf('-') + 1) + "99999";
                assertThat(viewer.asks("Status " + hidden).replace(hidden, "?"))
                        .isEqualTo(viewer.asks("Status " + missing).replace(missing, "?"));
            }
            String list = viewer.asks("/tickets");
            for (String visible : viewer.visible()) {
                assertThat(list).as("%s lists", viewer.name()).contains(visible);
            }
            for (String hidden : viewer.hidden()) {
                assertThat(list).as("%s lists", viewer.name()).doesNotContain(hidden);
            }
            assertThat(viewer.asks("meine Tickets")).doesNotContain(viewer.hidden().toArray(String[]::new));
        }
        for (String ticket : List.of(annaTicket, aliTicket, bertTicket)) {
            assertThat(history(ticket)).as("nobody added to %s", ticket).hasSize(historyBefore.get(ticket));
        }
    }

    @Test
    void aNotificationReachesOnlyTheRequestersChat() {
        List<RunningApp.Chat> everyone = List.of(anna, ali, coordinatorA, bert, coordinatorB);
        List<String> cursors = new ArrayList<>();
        everyone.forEach(chat -> cursors.add(HostileInputTableIntegrationTests.newestMessageId(chat)));
        bea.awaitDelivered();
        int toBea = homeserver.botMessages(bea.room).size();

        assertThat(app.post("/api/tickets/" + bertTicket + "/messages", Map.of("text", "Nur für Bert"),
                RunningApp.AGENT_KEY).status()).isEqualTo(200);
        assertThat(app.post("/api/tickets/" + annaTicket + "/status", Map.of("status", "IN_PROGRESS",
                "comment", "Nur für Anna"), RunningApp.AGENT_KEY).status()).isEqualTo(200);

        for (int i = 0; i < everyone.size(); i++) {
            RunningApp.Chat chat = everyone.get(i);
            JsonNode news = chat.messagesAfter(cursors.get(i));
            if (chat == bert) {
                assertThat(news).hasSize(1);
                assertThat(news.get(0).get("text").asString()).contains(bertTicket, "Nur für Bert");
            } else if (chat == anna) {
                assertThat(news).hasSize(1);
                assertThat(news.get(0).get("text").asString()).contains(annaTicket, "Nur für Anna");
            } else {
                assertThat(news).as("nothing for anybody else").isEmpty();
            }
        }
        bea.awaitDelivered();
        assertThat(homeserver.botMessages(bea.room)).as("nothing for Bea in Matrix").hasSize(toBea);
        // Ali answers plainly after that: it is no follow-up to anyone's ticket
        ali.says("Danke, alles klar");
        assertThat(history(annaTicket)).noneMatch(entry -> entry.contains("Danke, alles klar"));
        assertThat(history(bertTicket)).noneMatch(entry -> entry.contains("Danke, alles klar"));
    }

    @Test
    void inTheAgentsRoomOnlyAgentsActAndAnybodyElseChangesNothing() {
        String root = room.rootOf(annaTicket).path("event_id").asString();
        List<String> historyBefore = history(annaTicket);
        JsonNode before = app.get("/api/tickets/" + annaTicket, RunningApp.AGENT_KEY).json();
        String annaCursor = HostileInputTableIntegrationTests.newestMessageId(anna);
        room.awaitSent();
        int posts = homeserver.botMessages(room.roomId()).size();

        List<String> inThread = List.of("!status geschlossen", "!status in-bearbeitung Ich kümmere mich", "!status geloest",
                "!notiz intern", "!zuweisen " + MEMBER, "!prio P1", "Hallo Anna, hier ist der Praktikant.", "!tickets",
                "!unbekannt", "> <" + AGENT + "> !status geschlossen\n\n!status geschlossen");
        inThread.forEach(text -> room.saysInThread(MEMBER, root, text));
        room.saysInThread("@fremd:anderer-server.example", root, "!status geschlossen");
        for (String text : List.of("!tickets", "!tickets demo-grundschule", "!status geschlossen")) {
            room.says(MEMBER, text);
        }
        room.awaitSent();

        List<String> answers = homeserver.botMessages(room.roomId()).stream().skip(posts).map(AgentRoom::body).toList();
        assertThat(answers).hasSize(inThread.size() + 4).allSatisfy(answer -> assertThat(answer)
                .startsWith("Entschuldigung, @").contains("Es wurde nichts geändert").doesNotContain(annaTicket));
        assertThat(history(annaTicket)).isEqualTo(historyBefore);
        assertThat(app.get("/api/tickets/" + annaTicket, RunningApp.AGENT_KEY).json()).isEqualTo(before);
        assertThat(anna.messagesAfter(annaCursor)).as("nothing reached Anna").isEmpty();

        // an agent acts in the same thread, and only Anna hears of it
        room.saysInThread(AGENT, root, "Wir schauen uns das heute an.");
        room.saysInThread(AGENT, root, "!prio P2");
        room.awaitInThread(root, "Priorität: P3 mittel → P2 hoch");
        assertThat(app.get("/api/tickets/" + annaTicket, RunningApp.AGENT_KEY).json().get("priority").asString()).isEqualTo("P2");
        JsonNode news = anna.messagesAfter(annaCursor);
        assertThat(news).hasSize(1);
        assertThat(news.get(0).get("text").asString()).contains(annaTicket, "Wir schauen uns das heute an.");
        assertThat(history(annaTicket)).hasSize(historyBefore.size() + 2);
    }

    @Test
    void eachApiAcceptsOnlyItsOwnKind() {
        record Call(String method, String path, Object body, boolean agent, boolean admin) {
        }
        List<Call> calls = List.of(
                new Call("GET", "/api/tickets", null, true, false),
                new Call("GET", "/api/tickets/" + aliTicket, null, true, false),
                new Call("POST", "/api/tickets/" + aliTicket + "/messages", Map.of("text", "Schlüsseltest", "internal", true), true, false),
                new Call("POST", "/api/tickets/" + aliTicket + "/status", Map.of("status", "IN_PROGRESS"), true, false),
                new Call("GET", "/api/schools", null, false, true),
                new Call("POST", "/api/schools/demo-grundschule/enrollment-codes", Map.of(), false, true),
                new Call("POST", "/api/classify", Map.of("text", "Drucker kaputt"), true, true));
        int historyBefore = history(aliTicket).size();
        for (Call call : calls) {
            for (String key : new String[] {null, "", "x".repeat(32), RunningApp.AGENT_KEY.toUpperCase(),
                    RunningApp.AGENT_KEY.substring(1), RunningApp.AGENT_KEY + " " + RunningApp.ADMIN_KEY}) {
                assertJsonError(send(call.method(), call.path(), call.body(), key), 401);
            }
            RunningApp.Response asAgent = send(call.method(), call.path(), call.body(), RunningApp.AGENT_KEY);
            RunningApp.Response asAdmin = send(call.method(), call.path(), call.body(), RunningApp.ADMIN_KEY);
            if (call.agent()) {
                assertThat(asAgent.status()).as("agent %s %s", call.method(), call.path()).isBetween(200, 201);
            } else {
                assertJsonError(asAgent, 403);
            }
            if (call.admin()) {
                assertThat(asAdmin.status()).as("admin %s %s", call.method(), call.path()).isBetween(200, 201);
            } else {
                assertJsonError(asAdmin, 403);
            }
        }
        assertThat(history(aliTicket)).as("only the agent's note and status change were added")
                .hasSize(historyBefore + 2);
    }

    static RunningApp.Response send(String method, String path, Object body, String key) {
        String json = body == null ? null : tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
        return app.send(path, method, json, key, json == null ? null : "application/json");
    }

    static List<String> history(String ticket) {
        List<String> entries = new ArrayList<>();
        app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json().get("history")
                .forEach(entry -> entries.add(entry.get("type").asString() + ": " + entry.path("text").asString("")));
        return entries;
    }
}
