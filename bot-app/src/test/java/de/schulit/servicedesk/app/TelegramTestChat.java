package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A private Telegram chat driven through the fake Bot API server; each step waits until the app processed the update
 * and delivered its answers (read in the app's database).
 */
final class TelegramTestChat implements PrintingIntake.Chat {
    final long id;
    private final FakeTelegramServer telegram;
    private final JdbcClient jdbc;
    /** Hands an update to the app: nothing in long-polling mode (the app fetches it), a POST in webhook mode. */
    private final IntConsumer delivery;
    int seen;
    List<Sent> last = List.of();

    TelegramTestChat(FakeTelegramServer telegram, RunningApp app, long id) {
        this(telegram, app.bean(JdbcClient.class), id);
    }

    /** A chat with whichever of several app instances is the leader; they share the database. */
    TelegramTestChat(FakeTelegramServer telegram, JdbcClient jdbc, long id) {
        this(telegram, jdbc, id, updateId -> {
        });
    }

    /** A chat whose updates {@code delivery} posts to a webhook of one of several instances. */
    TelegramTestChat(FakeTelegramServer telegram, JdbcClient jdbc, long id, IntConsumer delivery) {
        this.telegram = telegram;
        this.jdbc = jdbc;
        this.id = id;
        this.delivery = delivery;
    }

    TelegramTestChat says(String text) {
        return settle(telegram.userSends(id, text));
    }

    @Override
    public void type(String text) {
        says(text);
    }

    @Override
    public void press(String optionId) {
        presses(optionId);
    }

    TelegramTestChat presses(String optionId) {
        Sent withButton = null;
        for (Sent sent : telegram.sentTo(id)) {
            if (sent.buttons().contains(optionId)) {
                withButton = sent;
            }
        }
        assertThat(withButton).as("a message with button " + optionId).isNotNull();
        return presses(withButton, optionId);
    }

    TelegramTestChat presses(Sent message, String optionId) {
        return settle(telegram.userPresses(message, optionId));
    }

    TelegramTestChat sendsPhoto(byte[] jpeg) {
        return settle(telegram.userSendsPhoto(id, jpeg, null));
    }

    TelegramTestChat settle(int updateId) {
        delivery.accept(updateId);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM telegram_update WHERE update_id = :id AND processed_at IS NOT NULL")
                .param("id", updateId).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM outbound_message WHERE channel = 'telegram' AND address = :a AND delivered_at IS NULL")
                .param("a", Long.toString(id)).query(Long.class).single() == 0);
        List<Sent> all = telegram.sentTo(id);
        last = all.subList(seen, all.size());
        seen = all.size();
        return this;
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        last.forEach(s -> text.append(s.text()).append('\n'));
        return text.toString();
    }

    @Override
    public List<String> optionIds() {
        return buttons();
    }

    List<String> buttons() {
        return last.isEmpty() ? List.of() : last.get(last.size() - 1).buttons();
    }
}
