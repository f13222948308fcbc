package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.ChannelHealth;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Outbox;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code matrix} in {@code /actuator/health}: DOWN until the connector runs, and when no sync has succeeded for a sync
 * timeout plus a minute; details show the last sync, the last delivery and the outbound queue.
 */
final class MatrixHealthIndicator implements HealthIndicator {

    private final MatrixConnector connector;
    private final Duration maxSilence;
    private final ChannelMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    MatrixHealthIndicator(MatrixConnector connector, MatrixProperties properties, ChannelMetrics metrics, Outbox outbox,
                          Clock clock) {
        this.connector = connector;
        this.maxSilence = properties.syncTimeout().plusMinutes(1);
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ChannelHealth health = ChannelHealth.of(connector.isWorking(), metrics.activity(MatrixInboundMapper.CHANNEL),
                outbox.queue(MatrixInboundMapper.CHANNEL), maxSilence, clock.instant());
        return (health.up() ? Health.up() : Health.down()).withDetails(health.details()).build();
    }
}
