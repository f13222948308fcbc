package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.ServicedeskApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A real start with the Telegram channel enabled and a wrong servicedesk.telegram.* value fails, naming the key. */
class TelegramStartupValidationTests {

    @TempDir
    Path dir;

    private Throwable startWith(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        all[2] = "--servicedesk.telegram.enabled=true";
        System.arraycopy(args, 0, all, 3, args.length);
        try {
            new SpringApplicationBuilder(ServicedeskApplication.class).run(all).close();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the app started although the Telegram configuration is wrong");
    }

    @Test
    void aMissingTokenStopsTheStartNamingTheKey() {
        assertThat(startWith()).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("servicedesk.telegram.token");
    }

    @Test
    void webhookModeWithABadSecretStopsTheStartNamingTheKeyWithoutShowingTheToken() {
        String token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        Throwable failure = startWith("--servicedesk.telegram.token=" + token, "--servicedesk.telegram.mode=webhook",
                "--servicedesk.telegram.webhook-url=https://servicedesk.example.org/api/telegram/webhook",
                "--servicedesk.telegram.webhook-secret=too short");
        assertThat(failure).rootCause().hasMessageContaining("servicedesk.telegram.webhook-secret");
        assertThat(failure).hasStackTraceContaining("servicedesk.telegram").satisfies(
                f -> assertThat(stackTrace(f)).doesNotContain(token));
    }

    private static String stackTrace(Throwable t) {
        var out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
