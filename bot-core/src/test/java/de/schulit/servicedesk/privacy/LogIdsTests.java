package de.schulit.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.channel.ChannelAddress;
import org.junit.jupiter.api.Test;

class LogIdsTests {

    @Test
    void identifiersBecomeStableShortHashesThatDoNotContainThem() {
        String hashed = LogIds.hash(4711001L);
        assertThat(hashed).matches("[0-9a-f]{10}").doesNotContain("4711001");
        assertThat(LogIds.hash("4711001")).isEqualTo(hashed);
        assertThat(LogIds.hash(4711002L)).isNotEqualTo(hashed);
        assertThat(LogIds.hash(null)).isEqualTo("-");
        assertThat(LogIds.of(new ChannelAddress("telegram", "4711001"))).isEqualTo("telegram:" + hashed);
    }
}
