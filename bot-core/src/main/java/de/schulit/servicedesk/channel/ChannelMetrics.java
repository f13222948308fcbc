package de.schulit.servicedesk.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the channels report, per channel: traffic as Micrometer meters (Prometheus) and the times of the last
 * successful contact with the platform and the last delivery, which their health indicators show. One instance is
 * shared by all channels; a new connector (Matrix) calls {@link #contacted} after every successful sync or poll,
 * {@link #delivered} and {@link #deliveryRetried} from its dispatcher, and {@link #watchQueue} once at start.
 */
public final class ChannelMetrics {

    public static final String MESSAGES_IN = "servicedesk.messages.in";
    public static final String MESSAGES_OUT = "servicedesk.messages.out";
    public static final String DELIVERED = "servicedesk.delivery.delivered";
    public static final String DELIVERY_RETRIES = "servicedesk.delivery.retries";
    /** Incremented by the per-identity rate limiter, tagged with the channel. */
    public static final String RATE_LIMIT_HITS = "servicedesk.ratelimit.hits";
    public static final String QUEUE_DEPTH = "servicedesk.outbox.queue.depth";
    public static final String QUEUE_AGE = "servicedesk.outbox.queue.age";

    /** The last contact with the platform, delivery and user input of one channel; null: none since the start. */
    public record Activity(Instant lastContact, Instant lastDelivery, Instant lastInbound) {

        static final Activity NONE = new Activity(null, null, null);
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Activity> activity = new ConcurrentHashMap<>();

    public ChannelMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A user input reached the dialog. */
    public void received(String channel) {
        counter(MESSAGES_IN, "User inputs received", channel).increment();
        Instant now = clock.instant();
        activity.merge(channel, new Activity(null, null, now),
                (old, ignored) -> new Activity(old.lastContact(), old.lastDelivery(), now));
    }

    /** The bot queued a message for a chat (reply, agent answer or notification). */
    public void sent(String channel) {
        counter(MESSAGES_OUT, "Bot messages queued for a chat", channel).increment();
    }

    /** The platform accepted a message. */
    public void delivered(String channel) {
        counter(DELIVERED, "Messages the platform accepted", channel).increment();
        Instant now = clock.instant();
        activity.merge(channel, new Activity(null, now, null),
                (old, ignored) -> new Activity(old.lastContact(), now, old.lastInbound()));
    }

    /** A delivery attempt failed and will be repeated. */
    public void deliveryRetried(String channel) {
        counter(DELIVERY_RETRIES, "Failed delivery attempts that are retried", channel).increment();
    }

    /** A user input was refused because its identity sent too many. */
    public void rateLimited(String channel) {
        counter(RATE_LIMIT_HITS, "Inputs refused by the per-identity rate limit", channel).increment();
    }

    /** The platform answered a poll, a sync or a webhook call: the channel is connected. */
    public void contacted(String channel) {
        Instant now = clock.instant();
        activity.merge(channel, new Activity(now, null, null),
                (old, ignored) -> new Activity(now, old.lastDelivery(), old.lastInbound()));
    }

    public Activity activity(String channel) {
        return activity.getOrDefault(channel, Activity.NONE);
    }

    /** Registers the gauges of a delivering channel's queue; they ask the outbox when scraped. */
    public void watchQueue(String channel, Outbox outbox) {
        Gauge.builder(QUEUE_DEPTH, outbox, o -> o.queue(channel).depth())
                .description("Messages waiting for delivery").tag("channel", channel).register(registry);
        Gauge.builder(QUEUE_AGE, outbox, o -> Optional.ofNullable(o.queue(channel).oldest())
                        .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("Age of the oldest message waiting for delivery").baseUnit("seconds")
                .tag("channel", channel).register(registry);
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name).description(description).tag("channel", channel).register(registry);
    }
}
