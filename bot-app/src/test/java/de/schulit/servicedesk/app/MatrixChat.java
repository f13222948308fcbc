package de.schulit.servicedesk.app;

import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A requester's direct chat with the bot on the fake homeserver. Each step waits until the app processed the
 * event and delivered every reply; options are answered as a person would: with the number of the list (or the label
 * when the list is unnumbered), never with an option id.
 */
final class MatrixChat implements PrintingIntake.Chat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final FakeHomeserver homeserver;
    final RunningApp app;
    final String user;
    final String room;
    int seen;
    List<JsonNode> last = List.of();

    MatrixChat(FakeHomeserver homeserver, RunningApp app, String user) {
        this.homeserver = homeserver;
        this.app = app;
        this.user = user;
        this.room = homeserver.createDirectRoom(user);
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.botJoined(room));
    }

    MatrixChat says(String text) {
        return settle(homeserver.userSends(room, user, text));
    }

    MatrixChat sendsFile(String msgtype, String name, String mime, byte[] content) {
        return settle(homeserver.userSendsFile(room, user, msgtype, name, mime, content));
    }

    @Override
    public void type(String text) {
        says(text);
    }

    @Override
    public void press(String optionId) {
        List<JsonNode> offered = offered();
        boolean numbered = offered.stream().anyMatch(o -> !List.of("skip", "back", "cancel").contains(o.path("id").asString()));
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i).path("id").asString().equals(optionId)) {
                says(numbered ? Integer.toString(i + 1) : offered.get(i).path("label").asString());
                return;
            }
        }
        throw new AssertionError("option " + optionId + " not offered: " + offered);
    }

    MatrixChat settle(String eventId) {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM matrix_event WHERE event_id = :id AND processed_at IS NOT NULL")
                .param("id", eventId).query(Long.class).single() == 1);
        awaitDelivered();
        List<JsonNode> all = homeserver.botMessages(room);
        last = all.subList(seen, all.size());
        seen = all.size();
        return this;
    }

    void awaitDelivered() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM outbound_message WHERE channel = 'matrix' AND address = :a AND delivered_at IS NULL")
                .param("a", user).query(Long.class).single() == 0);
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        last.forEach(m -> text.append(m.path("content").path("body").asString()).append('\n'));
        return text.toString();
    }

    String html() {
        StringBuilder html = new StringBuilder();
        last.forEach(m -> html.append(m.path("content").path("formatted_body").asString()).append('\n'));
        return html.toString();
    }

    @Override
    public List<String> optionIds() {
        List<String> ids = new ArrayList<>();
        offered().forEach(o -> ids.add(o.path("id").asString()));
        return ids;
    }

    /** The options of the bot's last message in the room, as the app stored them when it sent it. */
    private List<JsonNode> offered() {
        String stored = app.bean(JdbcClient.class).sql("SELECT offered_options FROM matrix_room WHERE room_id = :room")
                .param("room", room).query(String.class).optional().orElse("[]");
        List<JsonNode> options = new ArrayList<>();
        JSON.readTree(stored == null ? "[]" : stored).forEach(options::add);
        return options;
    }
}
