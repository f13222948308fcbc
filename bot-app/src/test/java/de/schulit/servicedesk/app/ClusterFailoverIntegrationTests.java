package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two real app processes (separate JVMs from the built classpath) on one PostgreSQL and the fake Bot API in
 * long-polling mode. Users report through the leader; it is killed with SIGKILL while their confirmations wait at
 * Telegram; the other instance takes over and answers each exactly once: one ticket per user, every stored update
 * processed once, every outbox message sent once. Runs in the PostgreSQL run only (two processes cannot share H2).
 */
class ClusterFailoverIntegrationTests {

    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    static FakeTelegramServer telegram;
    static TestDatabase database;
    static JdbcClient jdbc;
    static final List<AppInstance> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabase.postgres(), "two processes need a shared PostgreSQL: runs in the PostgreSQL run");
        telegram = new FakeTelegramServer();
        database = TestDatabase.create(Path.of("unused"));
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), database.password()));
        for (String name : List.of("a", "b")) {
            instances.add(AppInstance.start(name, database,
                    "--servicedesk.telegram.enabled=true",
                    "--servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                    "--servicedesk.telegram.base-url=" + telegram.baseUrl(),
                    "--servicedesk.telegram.mode=long-polling",
                    "--servicedesk.telegram.poll-timeout=2s"));
        }
        instances.forEach(i -> await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(i::ready));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (AppInstance instance : instances) {
            instance.process().destroyForcibly().waitFor();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void theOtherInstanceTakesOverAfterAKillAndNothingIsLostOrDuplicated() throws Exception {
        AppInstance leader = await().atMost(Duration.ofSeconds(30)).until(ClusterFailoverIntegrationTests::leader, Optional::isPresent).get();
        AppInstance follower = instances.get(0) == leader ? instances.get(1) : instances.get(0);

        List<TelegramTestChat> chats = List.of(new TelegramTestChat(telegram, jdbc, 8100001), new TelegramTestChat(telegram, jdbc, 8100002));
        List<String> names = List.of("Anna Schmidt", "Ben Koch");
        List<Sent> summaries = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.says("/start " + follower.enrollmentCode());
            assertThat(chat.says(names.get(i)).text()).contains("Willkommen");
            chat.says(WebChatScenarioIntegrationTests.PRINTER);
            PrintingIntake.choosePrinting(chat);
            PrintingIntake.answerUntilSummary(chat);
            summaries.add(chat.last.get(chat.last.size() - 1));
        }

        leader.process().destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        // While nobody leads, both users confirm: the updates wait at Telegram.
        List<Integer> confirmations = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            confirmations.add(telegram.userPresses(summaries.get(i), "confirm"));
        }

        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(200))
                .until(() -> leader().filter(follower::equals).isPresent());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.settle(confirmations.get(i));
            Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
            assertThat(number.find()).as(chat.text()).isTrue();
            assertThat(chat.says("Status " + number.group()).text()).contains(number.group());
        }
        System.out.println("Takeover after SIGKILL: " + takeover.toMillis() + " ms");
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single()).isEqualTo(chats.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE processed_at IS NULL").query(Long.class).single()).isZero();
        for (TelegramTestChat chat : chats) {
            List<String> sent = telegram.sentTo(chat.id).stream().map(Sent::text).toList();
            assertThat(sent.stream().filter(t -> t.contains("ist angelegt")).count()).as(sent.toString()).isEqualTo(1);
            // every message the bot meant to send reached Telegram exactly once
            List<String> meant = jdbc.sql("SELECT text FROM outbound_message WHERE channel = 'telegram' AND address = :a ORDER BY id")
                    .param("a", Long.toString(chat.id)).query(String.class).list();
            assertThat(sent).isEqualTo(meant);
        }
    }

    static Optional<AppInstance> leader() {
        return AppInstance.leader(jdbc, "telegram", instances);
    }
}
