package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two real app processes on one PostgreSQL with Telegram in webhook mode behind a round-robin "load balancer", so
 * consecutive updates of one chat reach different instances, and Telegram redelivers an update to the other one.
 * Whichever instance receives an update stores it; the leader processes it once, in order. When the leader is
 * killed, the balancer sends everything to the survivor, which takes over. Runs in the PostgreSQL run only.
 */
class ClusterWebhookIntegrationTests {

    static final String SECRET = "a-webhook-secret-for-the-cluster_7";

    static FakeTelegramServer telegram;
    static TestDatabase database;
    static JdbcClient jdbc;
    static final List<AppInstance> instances = new ArrayList<>();
    static final AtomicInteger roundRobin = new AtomicInteger();
    static final Map<Integer, Integer> postsPerInstance = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabase.postgres(), "two processes need a shared PostgreSQL: runs in the PostgreSQL run");
        telegram = new FakeTelegramServer();
        database = TestDatabase.create(Path.of("unused"));
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), database.password()));
        for (String name : List.of("webhook-a", "webhook-b")) {
            instances.add(AppInstance.start(name, database,
                    "--servicedesk.telegram.enabled=true",
                    "--servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                    "--servicedesk.telegram.base-url=" + telegram.baseUrl(),
                    "--servicedesk.telegram.mode=webhook",
                    "--servicedesk.telegram.webhook-url=https://servicedesk.example.org/api/telegram/webhook",
                    "--servicedesk.telegram.webhook-secret=" + SECRET));
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
    void updatesReachingEitherInstanceAreProcessedOnceAndInOrderAcrossAFailover() throws Exception {
        AppInstance leader = await().atMost(Duration.ofSeconds(30)).until(ClusterWebhookIntegrationTests::leader,
                Optional::isPresent).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.webhook() != null);

        List<TelegramTestChat> chats = List.of(
                new TelegramTestChat(telegram, jdbc, 8200001, ClusterWebhookIntegrationTests::deliver),
                new TelegramTestChat(telegram, jdbc, 8200002, ClusterWebhookIntegrationTests::deliver));
        List<String> names = List.of("Clara Becker", "David Wolf");
        List<Sent> summaries = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            int start = telegram.userSends(chat.id, "/start " + instances.get(i).enrollmentCode());
            chat.settle(start);
            // Telegram redelivers an update (say its first post timed out), and the balancer picks either instance
            for (AppInstance instance : instances) {
                assertThat(post(instance, telegram.updateJson(start)).statusCode()).isEqualTo(200);
            }
            assertThat(chat.says(names.get(i)).text()).contains("Willkommen");
            chat.says(WebChatScenarioIntegrationTests.PRINTER);
            PrintingIntake.choosePrinting(chat);
            PrintingIntake.answerUntilSummary(chat);
            summaries.add(chat.last.get(chat.last.size() - 1));
        }
        assertThat(postsPerInstance).as("both instances received updates").hasSize(2);
        // each start was answered once: the privacy notice and the question for the name, nothing twice
        for (TelegramTestChat chat : chats) {
            assertThat(telegram.sentTo(chat.id).stream().filter(m -> m.text().contains("Wie heißen Sie?")).count())
                    .isEqualTo(1);
        }

        leader.process().destroyForcibly().waitFor();
        AppInstance survivor = instances.get(0) == leader ? instances.get(1) : instances.get(0);
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.presses(summaries.get(i), "confirm"); // reaches the survivor, which processes it once it leads
            Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
            assertThat(number.find()).as(chat.text()).isTrue();
            assertThat(chat.says("Status " + number.group()).text()).contains(number.group());
        }
        assertThat(leader()).contains(survivor);

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

    /** The balancer: the next instance in turn, skipping one that refuses connections (a failed health check). */
    static void deliver(int updateId) {
        String json = telegram.updateJson(updateId);
        for (int attempt = 0; attempt < instances.size(); attempt++) {
            int index = Math.floorMod(roundRobin.getAndIncrement(), instances.size());
            try {
                HttpResponse<String> response = post(instances.get(index), json);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                postsPerInstance.merge(index, 1, Integer::sum);
                return;
            } catch (ConnectException down) {
                // the killed instance: try the next one
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        fail("no instance accepted update " + updateId);
    }

    static HttpResponse<String> post(AppInstance instance, String json) throws Exception {
        return AppInstance.HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/api/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Optional<AppInstance> leader() {
        return AppInstance.leader(jdbc, "telegram", instances);
    }
}
