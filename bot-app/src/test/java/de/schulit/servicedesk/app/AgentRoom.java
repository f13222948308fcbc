package de.schulit.servicedesk.app;

import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The agents' room on the fake homeserver as the tests see it: root posts, threads, members writing. */
record AgentRoom(RunningApp app, FakeHomeserver homeserver, String roomId) {

    /** The root post of a ticket (waits for it). */
    JsonNode rootOf(String ticket) {
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botMessages(roomId).stream()
                .anyMatch(m -> body(m).startsWith("Neues Ticket " + ticket)));
        return homeserver.botMessages(roomId).stream().filter(m -> body(m).startsWith("Neues Ticket " + ticket))
                .findFirst().orElseThrow();
    }

    /** The text of a root post as agents see it now: the newest edit's, else the original. */
    String currentRoot(String rootEventId) {
        List<JsonNode> messages = homeserver.botMessages(roomId);
        String text = messages.stream().filter(m -> m.path("event_id").asString().equals(rootEventId))
                .map(AgentRoom::body).findFirst().orElseThrow();
        for (JsonNode message : messages) {
            JsonNode relation = message.path("content").path("m.relates_to");
            if (relation.path("rel_type").asString("").equals("m.replace")
                    && relation.path("event_id").asString("").equals(rootEventId)) {
                text = message.path("content").path("m.new_content").path("body").asString();
            }
        }
        return text;
    }

    /** The bodies of the messages in a root post's thread, oldest first. */
    List<String> thread(String root) {
        return homeserver.thread(roomId, root).stream().map(AgentRoom::body).toList();
    }

    /** The first post in the thread that contains the text (waits for it). */
    String awaitInThread(String root, String text) {
        await().atMost(Duration.ofSeconds(20)).until(() -> thread(root).stream().anyMatch(b -> b.contains(text)));
        return thread(root).stream().filter(b -> b.contains(text)).findFirst().orElseThrow();
    }

    /** A member writes in a ticket's thread; returns when the app has processed it. */
    String saysInThread(String sender, String root, String text) {
        return awaitProcessed(homeserver.userSendsInThread(roomId, sender, root, text));
    }

    /** A member writes in the room itself; returns when the app has processed it. */
    String says(String sender, String text) {
        return awaitProcessed(homeserver.userSends(roomId, sender, text));
    }

    String awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> app.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM matrix_event WHERE event_id = :id AND processed_at IS NOT NULL")
                .param("id", eventId).query(Long.class).single() == 1);
        return eventId;
    }

    /** Waits until every post the app wrote for the room has been sent. */
    void awaitSent() {
        await().atMost(Duration.ofSeconds(20)).until(() -> app.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM matrix_room_post WHERE sent_at IS NULL").query(Long.class).single() == 0);
    }

    /** The SPEC.md keys that start the Matrix channel against the fake homeserver with this agents' room. */
    static List<String> matrixProperties(FakeHomeserver homeserver, String agentRoom) {
        return List.of("servicedesk.matrix.enabled=true",
                "servicedesk.matrix.homeserver-url=" + homeserver.baseUrl(),
                "servicedesk.matrix.user-id=" + FakeHomeserver.BOT,
                "servicedesk.matrix.access-token=" + FakeHomeserver.TOKEN,
                "servicedesk.matrix.agent-room-id=" + agentRoom);
    }

    /** The body of a message; "" when there is none or it is no text (a forged event). */
    static String body(JsonNode message) {
        return message.path("content").path("body").asString("");
    }
}
