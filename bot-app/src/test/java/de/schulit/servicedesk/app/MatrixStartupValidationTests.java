package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.ServicedeskApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A real start with the Matrix channel enabled and a wrong servicedesk.matrix.* value fails, naming the key. */
class MatrixStartupValidationTests {

    @TempDir
    Path dir;

    private Throwable startWith(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        all[2] = "--servicedesk.matrix.enabled=true";
        System.arraycopy(args, 0, all, 3, args.length);
        try {
            new SpringApplicationBuilder(ServicedeskApplication.class).run(all).close();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the app started although the Matrix configuration is wrong");
    }

    @Test
    void aMissingHomeserverStopsTheStartNamingTheKey() {
        assertThat(startWith()).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("servicedesk.matrix.homeserver-url");
    }

    @Test
    void aRoomAliasInsteadOfARoomIdStopsTheStartNamingTheKey() {
        Throwable failure = startWith("--servicedesk.matrix.homeserver-url=https://matrix.stadt.example.de",
                "--servicedesk.matrix.user-id=@servicedesk:stadt.example.de",
                "--servicedesk.matrix.access-token=syt_secret_token_value",
                "--servicedesk.matrix.agent-room-id=#servicedesk:stadt.example.de");
        assertThat(failure).rootCause().hasMessageContaining("servicedesk.matrix.agent-room-id");
        assertThat(failure).rootCause().message().doesNotContain("syt_secret_token_value");
    }
}
