package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two app processes on one PostgreSQL, with Telegram switched on against one fake Bot API server. */
final class TelegramCluster implements AutoCloseable {

    final FakeTelegramServer telegram = new FakeTelegramServer();
    final TestDatabase database = TestDatabase.create(Path.of("unused"));
    final JdbcClient jdbc = JdbcClient.create(
            new DriverManagerDataSource(database.url(), database.username(), database.password()));
    final List<AppInstance> instances = new ArrayList<>();

    /** Starts both instances with the given Telegram settings (mode and what it needs) and waits until ready. */
    TelegramCluster(String name, String... telegramSettings) {
        for (String instance : List.of("a", "b")) {
            List<String> arguments = new ArrayList<>(List.of("--servicedesk.telegram.enabled=true",
                    "--servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                    "--servicedesk.telegram.base-url=" + telegram.baseUrl()));
            arguments.addAll(List.of(telegramSettings));
            instances.add(AppInstance.start(name + "-" + instance, database, arguments.toArray(String[]::new)));
        }
        instances.forEach(i -> await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(i::ready));
    }

    /** The instance whose lease on the Telegram role is valid now. */
    Optional<AppInstance> leader() {
        List<String> holders = jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'leader-telegram' AND lock_until > CURRENT_TIMESTAMP")
                .query(String.class).list();
        return instances.stream().filter(i -> i.process().isAlive())
                .filter(i -> holders.stream().anyMatch(h -> h.contains("/" + i.process().pid() + "/"))).findFirst();
    }

    AppInstance other(AppInstance instance) {
        return instances.get(0) == instance ? instances.get(1) : instances.get(0);
    }

    /**
     * Nothing lost or doubled: one ticket per chat, every stored update processed, and every message the bot meant
     * to send reached Telegram exactly once and in order.
     */
    void assertEachChatGotEverythingOnce(List<TelegramTestChat> chats) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single()).isEqualTo(chats.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE processed_at IS NULL").query(Long.class).single()).isZero();
        for (TelegramTestChat chat : chats) {
            List<String> sent = telegram.sentTo(chat.id).stream().map(Sent::text).toList();
            assertThat(sent.stream().filter(t -> t.contains("ist angelegt")).count()).as(sent.toString()).isEqualTo(1);
            List<String> meant = jdbc.sql("SELECT text FROM outbound_message WHERE channel = 'telegram' AND address = :a ORDER BY id")
                    .param("a", Long.toString(chat.id)).query(String.class).list();
            assertThat(sent).isEqualTo(meant);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (AppInstance instance : instances) {
            instance.process().destroyForcibly().waitFor();
        }
        telegram.close();
    }
}
