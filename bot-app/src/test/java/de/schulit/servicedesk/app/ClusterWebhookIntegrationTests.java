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

/**
 * Two real app processes on one PostgreSQL with Telegram in webhook mode behind a round-robin "load balancer", so
 * consecutive updates of one chat reach different instances, and Telegram redelivers an update to the other one.
 * Whichever instance receives an update stores it; the leader processes it once, in order. When the leader is
 * killed, the balancer sends everything to the survivor, which takes over. Runs in the PostgreSQL run only.
 */
class ClusterWebhookIntegrationTests {

    static final String SECRET = "a-webhook-secret-for-the-cluster_7";

    static TelegramCluster cluster;
    static final AtomicInteger roundRobin = new AtomicInteger();
    static final Map<Integer, Integer> postsPerInstance = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabase.postgres(), "two processes need a shared PostgreSQL: runs in the PostgreSQL run");
        cluster = new TelegramCluster("webhook", "--servicedesk.telegram.mode=webhook",
                "--servicedesk.telegram.webhook-url=https://servicedesk.example.org/api/telegram/webhook",
                "--servicedesk.telegram.webhook-secret=" + SECRET);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void updatesReachingEitherInstanceAreProcessedOnceAndInOrderAcrossAFailover() throws Exception {
        AppInstance leader = await().atMost(Duration.ofSeconds(30)).until(cluster::leader, Optional::isPresent).get();
        FakeTelegramServer telegram = cluster.telegram;
        List<AppInstance> instances = cluster.instances;
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.webhook() != null);

        List<TelegramTestChat> chats = List.of(
                new TelegramTestChat(telegram, cluster.jdbc, 8200001, ClusterWebhookIntegrationTests::deliver),
                new TelegramTestChat(telegram, cluster.jdbc, 8200002, ClusterWebhookIntegrationTests::deliver));
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
        AppInstance survivor = cluster.other(leader);
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.presses(summaries.get(i), "confirm"); // reaches the survivor, which processes it once it leads
            PrintingIntake.fileOwnTicket(chat); // the second user is offered the first one's ticket of the room
            Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
            assertThat(number.find()).as(chat.text()).isTrue();
            assertThat(chat.says("Status " + number.group()).text()).contains(number.group());
        }
        assertThat(cluster.leader()).contains(survivor);
        cluster.assertEachChatGotEverythingOnce(chats);
    }

    /** The balancer: the next instance in turn, skipping one that refuses connections (a failed health check). */
    static void deliver(int updateId) {
        String json = cluster.telegram.updateJson(updateId);
        List<AppInstance> instances = cluster.instances;
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
}
