package de.schulit.servicedesk.webchat;

import de.schulit.servicedesk.channel.ChannelHealth;
import de.schulit.servicedesk.channel.ChannelMetrics;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code webchat} in {@code /actuator/health}: the web chat is part of this app, so it is up whenever the app
 * answers; the details show when a user last wrote (lastInbound). Browsers read the outbox by cursor, so there is no queue.
 */
@Component("webchatHealthIndicator")
class WebChatHealthIndicator implements HealthIndicator {

    private final ChannelMetrics metrics;
    private final Clock clock;

    WebChatHealthIndicator(ChannelMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ChannelHealth health = ChannelHealth.of(true, metrics.activity(WebChatSessions.CHANNEL), null, null,
                clock.instant());
        return Health.up().withDetails(health.details()).build();
    }
}
