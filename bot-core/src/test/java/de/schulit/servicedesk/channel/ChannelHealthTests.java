package de.schulit.servicedesk.channel;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelHealthTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ChannelMetrics metrics = new ChannelMetrics(registry, clock);
    final Duration maxSilence = Duration.ofSeconds(110);

    ChannelHealth health(boolean connected, QueueState queue) {
        return ChannelHealth.of(connected, metrics.activity("telegram"), queue, maxSilence, clock.instant());
    }

    @Test
    void aPollingChannelIsUpWhileConnectedAndRecentlyHeardFrom() {
        assertThat(health(false, QueueState.EMPTY).up()).as("not connected yet").isFalse();
        assertThat(health(true, QueueState.EMPTY).up()).as("never heard from").isFalse();

        metrics.contacted("telegram");
        metrics.delivered("telegram");
        clock.advance(Duration.ofSeconds(100));
        ChannelHealth fine = health(true, new QueueState(4, clock.instant().minusSeconds(30)));
        assertThat(fine.up()).isTrue();
        assertThat(fine.details()).containsEntry("queueDepth", 4L).containsEntry("queueAgeSeconds", 30L)
                .containsEntry("lastContact", "2026-11-26T09:00:00Z").containsKey("lastDelivery");

        clock.advance(Duration.ofSeconds(20));
        ChannelHealth silent = health(true, QueueState.EMPTY);
        assertThat(silent.up()).isFalse();
        assertThat(silent.details()).containsKey("problem");
    }

    @Test
    void aLongQueueAloneDoesNotMakeTheChannelDown() {
        metrics.contacted("telegram");
        assertThat(health(true, new QueueState(1, clock.instant().minus(Duration.ofDays(2)))).up()).isTrue();
    }

    @Test
    void aChannelThatDoesNotPollIsUpWhenConnected() {
        metrics.received("webchat");
        ChannelHealth webChat = ChannelHealth.of(true, metrics.activity("webchat"), null, null, clock.instant());
        assertThat(webChat.up()).isTrue();
        assertThat(webChat.details()).containsEntry("lastInbound", "2026-11-26T09:00:00Z").doesNotContainKey("queueDepth");
        assertThat(registry.get(ChannelMetrics.MESSAGES_IN).tag("channel", "webchat").counter().count()).isEqualTo(1);
    }
}
