package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real app processes (separate JVMs from the built classpath) on one PostgreSQL and the fake Bot API in
 * long-polling mode. Users report through the leader; it is killed with SIGKILL while their confirmations wait at
 * Telegram; the other instance takes over and answers each exactly once: one ticket per user, every stored update
 * processed once, every outbox message sent once. Runs in the PostgreSQL run only (two processes cannot share H2).
 */
class ClusterFailoverIntegrationTests {

    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    static TelegramCluster cluster;

    @BeforeAll
    static void start() {
        assumeTrue(TestDatabase.postgres(), "two processes need a shared PostgreSQL: runs in the PostgreSQL run");
        cluster = new TelegramCluster("polling", "--servicedesk.telegram.mode=long-polling",
                "--servicedesk.telegram.poll-timeout=2s");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theOtherInstanceTakesOverAfterAKillAndNothingIsLostOrDuplicated() throws Exception {
        AppInstance leader = await().atMost(Duration.ofSeconds(30)).until(cluster::leader, Optional::isPresent).get();
        AppInstance follower = cluster.other(leader);

        List<TelegramTestChat> chats = List.of(new TelegramTestChat(cluster.telegram, cluster.jdbc, 8100001),
                new TelegramTestChat(cluster.telegram, cluster.jdbc, 8100002));
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
            confirmations.add(cluster.telegram.userPresses(summaries.get(i), "confirm"));
        }

        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.leader().filter(follower::equals).isPresent());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        for (int i = 0; i < chats.size(); i++) {
            TelegramTestChat chat = chats.get(i);
            chat.settle(confirmations.get(i));
            PrintingIntake.fileOwnTicket(chat); // the second user is offered the first one's ticket of the room
            Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
            assertThat(number.find()).as(chat.text()).isTrue();
            assertThat(chat.says("Status " + number.group()).text()).contains(number.group());
        }
        System.out.println("Takeover after SIGKILL: " + takeover.toMillis() + " ms");
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
        cluster.assertEachChatGotEverythingOnce(chats);
    }
}
