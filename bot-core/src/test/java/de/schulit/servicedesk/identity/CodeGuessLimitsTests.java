package de.schulit.servicedesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodeGuessLimitsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final CodeGuessLimits limits = new CodeGuessLimits(new CodeGuessLimits.Settings(2, 3, Duration.ofMinutes(15)), clock);
    private final ChannelAddress anna = new ChannelAddress("webchat", "anna");
    private final ChannelAddress ben = new ChannelAddress("webchat", "ben");
    private final ChannelAddress carl = new ChannelAddress("webchat", "carl");
    private final ChannelAddress telegram = new ChannelAddress("telegram", "4711");

    @Test
    void aChatIsStoppedAfterItsWrongCodesUntilTheWindowEnds() {
        limits.failed(anna);
        assertThat(limits.allowed(anna)).isTrue();
        limits.failed(anna);
        assertThat(limits.allowed(anna)).isFalse();
        assertThat(limits.allowed(ben)).as("another chat of the channel").isTrue();

        clock.advance(Duration.ofMinutes(14));
        assertThat(limits.allowed(anna)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.allowed(anna)).isTrue();
    }

    @Test
    void manyChatsOfOneChannelShareTheChannelsLimit() {
        limits.failed(anna);
        limits.failed(ben);
        limits.failed(carl);
        assertThat(limits.allowed(new ChannelAddress("webchat", "fresh"))).as("a new session of the same channel").isFalse();
        assertThat(limits.allowed(telegram)).as("other channels go on").isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(limits.allowed(new ChannelAddress("webchat", "fresh"))).isTrue();
    }
}
