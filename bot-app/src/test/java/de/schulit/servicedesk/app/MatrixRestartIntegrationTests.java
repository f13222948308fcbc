package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.matrix.FakeHomeserver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app stopped and started again on the same database: the sync continues from the persisted token, messages
 * written while the app was down are answered once and in order (more of them than one sync shows), and a sync that
 * delivers old events again answers none of them.
 */
class MatrixRestartIntegrationTests {

    final FakeHomeserver homeserver = new FakeHomeserver();
    final RunningApp app = new RunningApp("matrix-restart",
            "servicedesk.matrix.enabled=true",
            "servicedesk.matrix.homeserver-url=" + homeserver.baseUrl(),
            "servicedesk.matrix.user-id=" + FakeHomeserver.BOT,
            "servicedesk.matrix.access-token=" + FakeHomeserver.TOKEN);

    @AfterEach
    void stop() {
        app.close();
        homeserver.close();
    }

    @Test
    void theSyncResumesFromThePersistedTokenAndRedeliveredEventsAreNotAnsweredTwice() throws SQLException {
        await().atMost(Duration.ofSeconds(20)).until(() -> homeserver.sinceTokens().stream().anyMatch(t -> t != null));
        MatrixChat chat = new MatrixChat(homeserver, app, "@hans:" + FakeHomeserver.SERVER);
        chat.says("/start " + app.enrollmentCode("demo-grundschule", "STAFF"));
        chat.says("Hans Bauer");
        assertThat(chat.text()).contains("Willkommen, Hans Bauer");

        app.stop();
        String persisted = nextBatch();
        int syncsBefore = homeserver.sinceTokens().size();
        // more than a sync shows at once: the limited timeline's gap is fetched with /messages, nothing is skipped
        homeserver.timelineLimit(2);
        homeserver.userSends(chat.room, chat.user, "/hilfe");
        homeserver.userSends(chat.room, chat.user, "/datenschutz");
        String whileDown = homeserver.userSends(chat.room, chat.user, "Status SD-2026-99999");
        app.start();

        chat.settle(whileDown);
        assertThat(chat.last).hasSize(3);
        assertThat(chat.last.get(0).path("content").path("body").asString()).contains("So helfe ich Ihnen");
        assertThat(chat.last.get(1).path("content").path("body").asString()).contains("Datenschutz");
        assertThat(chat.last.get(2).path("content").path("body").asString()).contains("SD-2026-99999");
        assertThat(homeserver.sinceTokens().get(syncsBefore)).isEqualTo(persisted);

        int answered = homeserver.botMessages(chat.room).size();
        app.stop();
        try (Connection db = DriverManager.getConnection(app.database().url(), app.database().username(), app.database().password());
             Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE matrix_sync_state SET next_batch = 's0'");
        }
        int syncsBeforeReplay = homeserver.sinceTokens().size();
        app.start();

        // the replayed sync is stored once the next sync starts; then everything it held has been handled
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> tokens = homeserver.sinceTokens();
            return tokens.size() > syncsBeforeReplay + 1 && "s0".equals(tokens.get(syncsBeforeReplay));
        });
        JdbcClient jdbc = app.bean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM matrix_event WHERE processed_at IS NULL")
                .query(Long.class).single() == 0);
        chat.awaitDelivered();
        assertThat(homeserver.botMessages(chat.room)).hasSize(answered);
    }

    private String nextBatch() throws SQLException {
        try (Connection db = DriverManager.getConnection(app.database().url(), app.database().username(), app.database().password());
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT next_batch FROM matrix_sync_state")) {
            row.next();
            return row.getString(1);
        }
    }
}
