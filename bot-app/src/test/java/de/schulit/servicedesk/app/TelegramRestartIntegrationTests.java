package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Failure;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real app in long-polling mode, stopped and started again on the same database: updates it had stored but not
 * processed, updates Telegram redelivers because their offset was never confirmed, and updates that arrived while it
 * was down are each processed exactly once, in order; messages queued while Telegram answered 502 are delivered after
 * the restart, in order, none lost.
 */
class TelegramRestartIntegrationTests {

    static final String HELP = "So helfe ich Ihnen";
    static final String PRIVACY = "Datenschutz im Chat des IT-Servicedesks";
    static final String NO_TICKETS = "Sie haben noch keine Tickets";

    static FakeTelegramServer telegram;
    static RunningApp app;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegramServer();
        app = new RunningApp("telegram-restart",
                "servicedesk.telegram.enabled=true",
                "servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                "servicedesk.telegram.base-url=" + telegram.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
    }

    static JdbcClient jdbc() {
        return app.bean(JdbcClient.class);
    }

    static boolean processed(long updateId) {
        return jdbc().sql("SELECT COUNT(*) FROM telegram_update WHERE update_id = :id AND processed_at IS NOT NULL")
                .param("id", updateId).query(Long.class).single() == 1;
    }

    static long undelivered(long chat) {
        return jdbc().sql("SELECT COUNT(*) FROM outbound_message WHERE channel = 'telegram' AND address = :a "
                + "AND delivered_at IS NULL").param("a", Long.toString(chat)).query(Long.class).single();
    }

    /** Waits until the updates are processed and everything the bot said to the chat was delivered. */
    static void settle(long chat, long... updateIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(updateIds).allMatch(id -> processed(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> undelivered(chat) == 0);
    }

    static void enroll(long chat) {
        String code = app.enrollmentCode("demo-grundschule", "STAFF");
        settle(chat, telegram.userSends(chat, "/start " + code));
        settle(chat, telegram.userSends(chat, "Anna Schmidt"));
        assertThat(texts(chat, 0)).anySatisfy(t -> assertThat(t).contains("Willkommen, Anna Schmidt"));
    }

    static List<String> texts(long chat, int from) {
        List<Sent> all = telegram.sentTo(chat);
        return all.subList(from, all.size()).stream().map(Sent::text).toList();
    }

    static long count(List<String> texts, String marker) {
        return texts.stream().filter(t -> t.contains(marker)).count();
    }

    /** Stores an update directly in the stopped app's database, as the poll loop would have done before the stop. */
    static void storedBeforeTheStop(long updateId, long chat, String text) throws Exception {
        TestDatabase database = app.database();
        try (Connection db = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO telegram_update (update_id, payload, received_at) VALUES (?, ?, ?)")) {
            insert.setLong(1, updateId);
            insert.setString(2, FakeTelegramServer.textUpdateJson((int) updateId, chat, text));
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    @Test
    void storedConfirmedRedeliveredAndNewUpdatesAreEachProcessedOnceAfterAStop() throws Exception {
        long chat = 4713001;
        enroll(chat);
        int seen = telegram.sentTo(chat).size();

        app.stop();
        // stored and already confirmed to Telegram (the next getUpdates went out), but not processed yet
        int help = telegram.nextUpdateId();
        storedBeforeTheStop(help, chat, "/hilfe");
        // stored, but the app stopped before confirming it: Telegram still holds it and delivers it again
        int privacy = telegram.userSends(chat, "/datenschutz");
        storedBeforeTheStop(privacy, chat, "/datenschutz");
        // written while the app was down
        int tickets = telegram.userSends(chat, "/tickets");

        app.start();
        settle(chat, help, privacy, tickets);
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.confirmedOffset() > tickets);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> undelivered(chat) == 0);

        List<String> after = texts(chat, seen);
        assertThat(count(after, HELP)).isEqualTo(1);
        assertThat(count(after, PRIVACY)).isEqualTo(1);
        assertThat(count(after, NO_TICKETS)).isEqualTo(1);
        assertThat(after.indexOf(after.stream().filter(t -> t.contains(HELP)).findFirst().orElseThrow()))
                .isLessThan(after.indexOf(after.stream().filter(t -> t.contains(PRIVACY)).findFirst().orElseThrow()));
        assertThat(after.indexOf(after.stream().filter(t -> t.contains(PRIVACY)).findFirst().orElseThrow()))
                .isLessThan(after.indexOf(after.stream().filter(t -> t.contains(NO_TICKETS)).findFirst().orElseThrow()));
    }

    @Test
    void aRestartWhileUpdatesArriveProcessesEachOfThemExactlyOnce() {
        long chat = 4713002;
        enroll(chat);
        int seen = telegram.sentTo(chat).size();
        int[] ids = new int[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = telegram.userSends(chat, i % 2 == 0 ? "/hilfe" : "/datenschutz");
        }
        app.restart(); // wherever polling and processing were, they go on from there
        settle(chat, Arrays.stream(ids).asLongStream().toArray());
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.confirmedOffset() > ids[ids.length - 1]);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> undelivered(chat) == 0);

        List<String> after = texts(chat, seen);
        assertThat(after).hasSize(6);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i)).contains(i % 2 == 0 ? HELP : PRIVACY);
        }
    }

    @Test
    void messagesQueuedWhileTelegramAnswers502AreDeliveredInOrderAfterARestart() {
        long chat = 4713003;
        enroll(chat);
        int seen = telegram.sentTo(chat).size();
        int sendsBefore = sendMessageCalls();
        Failure[] outage = new Failure[500];
        Arrays.fill(outage, Failure.BAD_GATEWAY_HTML);
        telegram.failNext("sendMessage", outage);
        try {
            int help = telegram.userSends(chat, "/hilfe");
            int privacy = telegram.userSends(chat, "/datenschutz");
            int tickets = telegram.userSends(chat, "/tickets");
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(help) && processed(privacy) && processed(tickets));
            await().atMost(Duration.ofSeconds(30)).until(() -> sendMessageCalls() > sendsBefore); // tried, got a 502
            assertThat(undelivered(chat)).isEqualTo(3);
            assertThat(telegram.sentTo(chat)).hasSize(seen);
            app.stop();
        } finally {
            telegram.clearFailures();
        }
        app.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> undelivered(chat) == 0);
        List<String> queued = jdbc().sql("SELECT text FROM outbound_message WHERE channel = 'telegram' AND address = :a "
                + "ORDER BY id").param("a", Long.toString(chat)).query(String.class).list();
        assertThat(texts(chat, seen)).containsExactlyElementsOf(queued.subList(seen, queued.size()));
        assertThat(texts(chat, seen)).hasSize(3);
        assertThat(texts(chat, seen).get(0)).contains(HELP);
        assertThat(texts(chat, seen).get(1)).contains(PRIVACY);
        assertThat(texts(chat, seen).get(2)).contains(NO_TICKETS);
    }

    static int sendMessageCalls() {
        return (int) telegram.calls().stream().filter("sendMessage"::equals).count();
    }
}
