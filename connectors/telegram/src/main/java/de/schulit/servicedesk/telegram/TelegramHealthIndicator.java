package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.ChannelHealth;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Outbox;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code telegram} in {@code /actuator/health}: DOWN until polling runs or the webhook is set, and in long polling
 * when Telegram has not answered a poll for a poll timeout plus a minute; details show the last contact, the last
 * delivery and the outbound queue.
 */
final class TelegramHealthIndicator implements HealthIndicator {

    private final TelegramConnector connector;
    private final Duration maxSilence;
    private final ChannelMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    TelegramHealthIndicator(TelegramConnector connector, TelegramProperties properties, ChannelMetrics metrics,
                            Outbox outbox, Clock clock) {
        this.connector = connector;
        this.maxSilence = properties.mode() == TelegramProperties.Mode.WEBHOOK ? null
                : properties.pollTimeout().plusMinutes(1);
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ChannelHealth health = ChannelHealth.of(connector.isConnected(), metrics.activity(TelegramDispatcher.CHANNEL),
                outbox.queue(TelegramDispatcher.CHANNEL), maxSilence, clock.instant());
        return (health.up() ? Health.up() : Health.down()).withDetails(health.details()).build();
    }
}
