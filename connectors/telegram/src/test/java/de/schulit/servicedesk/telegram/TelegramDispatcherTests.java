package de.schulit.servicedesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueueState;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Failure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** Delivery against the fake Bot API: order per chat, flood limits, 429 storms, 502 pages, dropped connections. */
class TelegramDispatcherTests {

    FakeTelegramServer telegram;
    ListOutbox outbox;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ChannelMetrics metrics = new ChannelMetrics(meters, Clock.systemUTC());
    TelegramDispatcher dispatcher;
    OkHttpClient http;

    @BeforeEach
    void start() {
        telegram = new FakeTelegramServer();
        outbox = new ListOutbox();
        http = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(5, TimeUnit.SECONDS).build();
        var client = new OkHttpTelegramClient(http, FakeTelegramServer.TOKEN,
                TelegramConnector.telegramUrl(telegram.baseUrl()));
        var settings = new TelegramDispatcher.Settings(3, Duration.ofMillis(100), 30, Duration.ofMillis(50),
                Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofMillis(50));
        dispatcher = new TelegramDispatcher(outbox, client, new TelegramOutboundMapper(), Clock.systemUTC(), settings,
                metrics);
    }

    @AfterEach
    void stop() {
        dispatcher.stop();
        telegram.close();
        http.dispatcher().executorService().shutdown();
    }

    List<String> textsTo(long chat) {
        return telegram.sentTo(chat).stream().map(FakeTelegramServer.Sent::text).toList();
    }

    @Test
    void aStormOf429IsWaitedOutAndEverythingArrivesLaterInOrder() {
        telegram.failNext("sendMessage", Failure.TOO_MANY_REQUESTS, Failure.TOO_MANY_REQUESTS, Failure.TOO_MANY_REQUESTS);
        for (int i = 1; i <= 5; i++) {
            outbox.append(chat(1), BotMessage.of("A" + i));
            outbox.append(chat(2), BotMessage.of("B" + i));
        }
        long started = System.nanoTime();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sent().size() == 10);
        // three answers with retry_after=1 pause the whole bot three times
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(textsTo(1)).containsExactly("A1", "A2", "A3", "A4", "A5");
        assertThat(textsTo(2)).containsExactly("B1", "B2", "B3", "B4", "B5");
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.nextUndelivered("telegram", 10).isEmpty());
        assertThat(telegram.calls().stream().filter("sendMessage"::equals)).hasSize(13);
    }

    @Test
    void htmlBadGatewaysServerErrorsAndDroppedConnectionsAreRetriedWithoutReordering() {
        telegram.failNext("sendMessage", Failure.BAD_GATEWAY_HTML, Failure.DROP_CONNECTION, Failure.INTERNAL_ERROR,
                Failure.BAD_GATEWAY_HTML);
        outbox.append(chat(1), BotMessage.of("erste"));
        outbox.append(chat(1), BotMessage.of("zweite"));
        outbox.append(chat(1), BotMessage.of("dritte"));
        dispatcher.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> textsTo(1).size() == 3);
        assertThat(textsTo(1)).containsExactly("erste", "zweite", "dritte");
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.nextUndelivered("telegram", 10).isEmpty());
        assertThat(meters.get(ChannelMetrics.DELIVERY_RETRIES).tag("channel", "telegram").counter().count()).isEqualTo(4);
        assertThat(meters.get(ChannelMetrics.DELIVERED).tag("channel", "telegram").counter().count()).isEqualTo(3);
        assertThat(metrics.activity("telegram").lastDelivery()).isNotNull();
        assertThat(outbox.queue("telegram")).isEqualTo(QueueState.EMPTY);
    }

    @Test
    void aRejectedMessageHoldsBackItsChatButNotTheOthers() {
        telegram.failNext("sendMessage", Failure.BAD_REQUEST, Failure.BAD_REQUEST);
        outbox.append(chat(1), BotMessage.of("zuerst"));
        outbox.append(chat(1), BotMessage.of("danach"));
        outbox.append(chat(2), BotMessage.of("andere"));
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(2).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(1).size() == 2);
        assertThat(textsTo(1)).containsExactly("zuerst", "danach");
    }

    @Test
    void keepsAboutOneMessagePerSecondPerChatAfterAShortBurst() {
        // real settings: burst of 3, then one per second
        dispatcher.stop();
        var client = new OkHttpTelegramClient(http, FakeTelegramServer.TOKEN, TelegramConnector.telegramUrl(telegram.baseUrl()));
        dispatcher = new TelegramDispatcher(outbox, client, new TelegramOutboundMapper(), Clock.systemUTC(),
                TelegramDispatcher.Settings.defaults(), metrics);
        for (int i = 1; i <= 5; i++) {
            outbox.append(chat(1), BotMessage.of("M" + i));
        }
        long started = System.nanoTime();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(1).size() == 5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(textsTo(1)).containsExactly("M1", "M2", "M3", "M4", "M5");
    }

    @Test
    void aDroppedAnswerAfterDeliveryIsResentAndThatIsTheDocumentedDuplicate() {
        telegram.failNext("sendMessage", Failure.DROP_AFTER_DELIVERY);
        outbox.append(chat(1), BotMessage.of("einmal"));
        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.nextUndelivered("telegram", 10).isEmpty());
        assertThat(textsTo(1)).containsExactly("einmal", "einmal");
    }

    static ChannelAddress chat(long id) {
        return new ChannelAddress("telegram", Long.toString(id));
    }

    /** A thread-safe outbox in memory. */
    static final class ListOutbox implements Outbox {
        private final List<QueuedMessage> messages = new ArrayList<>();
        private final Map<Long, Instant> delivered = new LinkedHashMap<>();

        @Override
        public synchronized QueuedMessage append(ChannelAddress to, BotMessage message) {
            QueuedMessage queued = new QueuedMessage(messages.size() + 1, to, message, Instant.now());
            messages.add(queued);
            return queued;
        }

        @Override
        public synchronized List<QueuedMessage> after(ChannelAddress to, long cursor, int limit) {
            return messages.stream().filter(m -> m.to().equals(to) && m.id() > cursor).limit(limit).toList();
        }

        @Override
        public synchronized List<QueuedMessage> nextUndelivered(String channel, int limit) {
            Map<ChannelAddress, QueuedMessage> heads = new LinkedHashMap<>();
            messages.stream().filter(m -> m.to().channel().equals(channel) && !delivered.containsKey(m.id()))
                    .forEach(m -> heads.putIfAbsent(m.to(), m));
            return heads.values().stream().limit(limit).toList();
        }

        @Override
        public synchronized void markDelivered(long id, Instant at) {
            delivered.putIfAbsent(id, at);
        }

        @Override
        public synchronized QueueState queue(String channel) {
            List<QueuedMessage> waiting = messages.stream()
                    .filter(m -> m.to().channel().equals(channel) && !delivered.containsKey(m.id())).toList();
            return waiting.isEmpty() ? QueueState.EMPTY : new QueueState(waiting.size(), waiting.get(0).at());
        }
    }
}
