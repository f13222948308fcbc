package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.WakeableWorker;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.privacy.LogIds;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Delivers the Telegram part of the {@link Outbox}, one thread, in id order per chat. Each round asks the outbox for
 * the head of every chat's queue, so a chat whose message failed waits (with exponential backoff) and never has a
 * later message overtake it, while other chats go on. Telegram's flood limits are kept with token buckets
 * (Bucket4j): a short burst and then about one message per second per chat, 30 per second for the bot.
 * A 429 pauses the whole bot for {@code retry_after} seconds (during it every call would fail); 5xx, an HTML error
 * page (the library reports "Unable to deserialize", error code 0) and network errors are retried with backoff;
 * other 4xx (chat not found, bot blocked by the user) are retried rarely, so the chat's messages wait rather than
 * vanish. A message is marked delivered only after Telegram accepted it, so nothing is lost across a restart.
 */
final class TelegramDispatcher {

    static final String CHANNEL = TelegramInboundMapper.CHANNEL;

    /** Rate limits and backoff; the defaults follow Telegram's published limits. */
    record Settings(int chatBurst, Duration chatRefill, int botPerSecond, Duration firstBackoff, Duration maxBackoff,
                    Duration maxBackoffRejected, Duration idlePoll) {

        static Settings defaults() {
            return new Settings(3, Duration.ofSeconds(1), 30, Duration.ofMillis(500), Duration.ofSeconds(60),
                    Duration.ofMinutes(10), Duration.ofMillis(500));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TelegramDispatcher.class);
    private static final int BATCH = 500;
    private static final int MAX_CHAT_STATES = 10_000;

    private final Outbox outbox;
    private final TelegramClient client;
    private final TelegramOutboundMapper mapper;
    private final Clock clock;
    private final Settings settings;
    private final ChannelMetrics metrics;
    private final Bucket bot;
    private final Map<String, ChatState> chats = new HashMap<>();
    private final WakeableWorker worker =
            new WakeableWorker("telegram-dispatcher", Duration.ofSeconds(10), this::deliveryRound);
    private long pausedUntil;

    TelegramDispatcher(Outbox outbox, TelegramClient client, TelegramOutboundMapper mapper, Clock clock, Settings settings,
                       ChannelMetrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.client = client;
        this.mapper = mapper;
        this.clock = clock;
        this.settings = settings;
        this.bot = Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.botPerSecond()).refillGreedy(settings.botPerSecond(), Duration.ofSeconds(1)))
                .build();
    }

    void start() {
        worker.start();
    }

    void stop() {
        worker.stop();
    }

    /** Something was appended to the outbox: look now instead of at the next poll. */
    void nudge() {
        worker.nudge();
    }

    private WakeableWorker.Rest deliveryRound() {
        try {
            return WakeableWorker.Rest.upTo(round());
        } catch (RuntimeException e) {
            log.warn("Telegram delivery round failed, trying again shortly: {}", e.toString());
            return WakeableWorker.Rest.upTo(settings.idlePoll().toNanos() * 2);
        }
    }

    /** Sends what may be sent now; returns how long to wait before the next round (0: go on at once). */
    long round() {
        long now = System.nanoTime();
        if (pausedUntil - now > 0) {
            return pausedUntil - now;
        }
        List<QueuedMessage> heads = outbox.nextUndelivered(CHANNEL, BATCH);
        long wait = settings.idlePoll().toNanos();
        boolean delivered = false;
        for (QueuedMessage message : heads) {
            if (!worker.isRunning()) {
                return 0;
            }
            ChatState chat = chats.computeIfAbsent(message.to().id(), id -> new ChatState(chatBucket()));
            long now2 = System.nanoTime();
            if (chat.notBefore - now2 > 0) {
                wait = Math.min(wait, chat.notBefore - now2);
                continue;
            }
            ConsumptionProbe perChat = chat.bucket.tryConsumeAndReturnRemaining(1);
            if (!perChat.isConsumed()) {
                wait = Math.min(wait, perChat.getNanosToWaitForRefill());
                continue;
            }
            ConsumptionProbe perBot = bot.tryConsumeAndReturnRemaining(1);
            if (!perBot.isConsumed()) {
                chat.bucket.addTokens(1);
                wait = Math.min(wait, perBot.getNanosToWaitForRefill());
                break;
            }
            Outcome outcome = deliver(message, chat);
            if (outcome == Outcome.DELIVERED) {
                delivered = true;
            } else if (outcome == Outcome.PAUSED) {
                return Math.max(0, pausedUntil - System.nanoTime());
            } else {
                wait = Math.min(wait, Math.max(0, chat.notBefore - System.nanoTime()));
            }
        }
        if (chats.size() > MAX_CHAT_STATES) {
            chats.values().removeIf(ChatState::idle);
        }
        return delivered ? 0 : Math.max(wait, TimeUnit.MILLISECONDS.toNanos(5));
    }

    private enum Outcome { DELIVERED, FAILED, PAUSED }

    private Outcome deliver(QueuedMessage message, ChatState chat) {
        List<SendMessage> parts = mapper.toSendMessages(message);
        if (chat.partsOf != message.id()) {
            chat.partsOf = message.id();
            chat.partsSent = 0;
        }
        while (chat.partsSent < parts.size()) {
            try {
                client.execute(parts.get(chat.partsSent));
                chat.partsSent++;
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                if (code == 429) {
                    Integer retryAfter = e.getParameters() != null ? e.getParameters().getRetryAfter() : null;
                    long seconds = retryAfter == null || retryAfter < 1 ? 1 : retryAfter;
                    pausedUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                    log.info("Telegram asks to slow down: pausing all sending for {} s", seconds);
                    metrics.deliveryRetried(CHANNEL);
                    return Outcome.PAUSED;
                }
                boolean transientFailure = code == 0 || code >= 500;
                return failed(message, chat, transientFailure, "[" + code + "] " + e.getMessage());
            } catch (TelegramApiException e) {
                return failed(message, chat, true, e.getMessage()
                        + (e.getCause() != null ? " (" + e.getCause().getClass().getSimpleName() + ")" : ""));
            }
        }
        outbox.markDelivered(message.id(), clock.instant());
        metrics.delivered(CHANNEL);
        chat.delivered();
        return Outcome.DELIVERED;
    }

    private Outcome failed(QueuedMessage message, ChatState chat, boolean transientFailure, String why) {
        chat.failures++;
        metrics.deliveryRetried(CHANNEL);
        Duration cap = transientFailure ? settings.maxBackoff() : settings.maxBackoffRejected();
        long backoff = settings.firstBackoff().toNanos() << Math.min(chat.failures - 1, 20);
        if (backoff <= 0 || backoff > cap.toNanos()) {
            backoff = cap.toNanos();
        }
        chat.notBefore = System.nanoTime() + backoff;
        if (transientFailure) {
            log.info("Telegram message {} not delivered yet (attempt {}), retrying in {} ms: {}", message.id(),
                    chat.failures, TimeUnit.NANOSECONDS.toMillis(backoff), why);
        } else {
            log.warn("Telegram rejected message {} to chat {} (attempt {}); it and later messages of this chat wait,"
                    + " next try in {} s: {}", message.id(), LogIds.of(message.to()), chat.failures,
                    TimeUnit.NANOSECONDS.toSeconds(backoff), why);
        }
        return Outcome.FAILED;
    }

    private Bucket chatBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.chatBurst()).refillGreedy(1, settings.chatRefill()))
                .build();
    }

    /** Per chat: its rate bucket, its failures and backoff, and how far a split message got. */
    private final class ChatState {
        final Bucket bucket;
        int failures;
        long notBefore = System.nanoTime();
        long partsOf = -1;
        int partsSent;

        ChatState(Bucket bucket) {
            this.bucket = bucket;
        }

        void delivered() {
            failures = 0;
            partsOf = -1;
            partsSent = 0;
        }

        boolean idle() {
            return failures == 0 && partsOf == -1 && bucket.getAvailableTokens() >= settings.chatBurst();
        }
    }
}
