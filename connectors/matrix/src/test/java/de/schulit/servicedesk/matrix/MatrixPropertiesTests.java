package de.schulit.servicedesk.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Every servicedesk.matrix.* key is checked when the channel is on, and the message names the key. */
class MatrixPropertiesTests {

    static MatrixProperties properties(String url, String user, String token, String password, String room,
                                       List<String> servers, List<String> agents, int level) {
        return new MatrixProperties(true, url, user, token, password, "SERVICEDESKBOT", room, servers, agents, level,
                DataSize.ofMegabytes(10), Duration.ofSeconds(30));
    }

    static MatrixProperties valid() {
        return properties("https://matrix.stadt.example.de", "@servicedesk:stadt.example.de", "syt_abcdefgh12345",
                null, "!agents:stadt.example.de", List.of(), List.of(), 50);
    }

    @Test
    void theSpecKeysAloneSuffice() {
        MatrixProperties properties = valid();
        assertThat(properties.botServer()).isEqualTo("stadt.example.de");
        assertThat(properties.hasAgentRoom()).isTrue();
        assertThat(properties.toString()).doesNotContain("syt_abcdefgh12345");
    }

    @Test
    void offNothingIsChecked() {
        new MatrixProperties(false, null, null, null, null, null, null, null, null, 50, DataSize.ofMegabytes(10),
                Duration.ofSeconds(30));
    }

    @Test
    void wrongValuesNameTheirKey() {
        assertThatThrownBy(() -> properties("ftp://x", "@a:b.de", "syt_abcdefgh", null, null, List.of(), List.of(), 50))
                .hasMessageContaining("servicedesk.matrix.homeserver-url");
        assertThatThrownBy(() -> properties("https://x.de", "servicedesk", "syt_abcdefgh", null, null, List.of(), List.of(), 50))
                .hasMessageContaining("servicedesk.matrix.user-id");
        assertThatThrownBy(() -> properties("https://x.de", "@a:b.de", null, null, null, List.of(), List.of(), 50))
                .hasMessageContaining("servicedesk.matrix.access-token");
        assertThatThrownBy(() -> properties("https://x.de", "@a:b.de", "has space in it", null, null, List.of(), List.of(), 50))
                .hasMessageContaining("servicedesk.matrix.access-token");
        assertThatThrownBy(() -> properties("https://x.de", "@a:b.de", "syt_abcdefgh", null, "#agents:b.de", List.of(), List.of(), 50))
                .hasMessageContaining("servicedesk.matrix.agent-room-id");
        assertThatThrownBy(() -> properties("https://x.de", "@a:b.de", "syt_abcdefgh", null, null, List.of("not a server"), List.of(), 50))
                .hasMessageContaining("servicedesk.matrix.allowed-homeservers");
        assertThatThrownBy(() -> properties("https://x.de", "@a:b.de", "syt_abcdefgh", null, null, List.of(), List.of("jana"), 50))
                .hasMessageContaining("servicedesk.matrix.agents");
        assertThatThrownBy(() -> properties("https://x.de", "@a:b.de", "syt_abcdefgh", null, null, List.of(), List.of(), 101))
                .hasMessageContaining("servicedesk.matrix.agent-power-level");
    }

    @Test
    void aPasswordMayReplaceTheToken() {
        assertThat(properties("https://x.de", "@a:b.de", null, "secret", null, List.of(), List.of(), 50).hasAgentRoom())
                .isFalse();
    }
}
