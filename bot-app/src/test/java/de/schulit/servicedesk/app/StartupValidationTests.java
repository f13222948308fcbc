package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.ServicedeskApplication;
import de.schulit.servicedesk.catalog.ConfigFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A wrong configuration stops the start with a message that names the file, entry, field or key. */
class StartupValidationTests {

    @TempDir
    Path dir;

    private Throwable startWith(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        System.arraycopy(args, 0, all, 2, args.length);
        try {
            new SpringApplicationBuilder(ServicedeskApplication.class).run(all).close();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the app started although the configuration is wrong");
    }

    private static Throwable root(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    @Test
    void aBadCatalogEntryNamesFileEntryAndField() throws IOException {
        Path catalog = dir.resolve("catalog.yml");
        Files.writeString(catalog, Files.readString(Path.of("config/catalog.yml"))
                .replaceFirst("type: choice", "type: slider"));
        Throwable failure = startWith("--servicedesk.catalog-file=" + catalog);
        assertThat(root(failure)).isInstanceOf(IllegalArgumentException.class);
        assertThat(failure).rootCause().hasMessageContaining("unknown question type 'slider'");
        ConfigFileException configError = findCause(failure, ConfigFileException.class);
        assertThat(configError.getMessage()).contains(catalog.toString()).contains("services[").contains("].type");

        FailureAnalysis analysis = new ConfigFileFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains(catalog.toString()).contains("slider");
    }

    @Test
    void aSemanticCatalogErrorIsReportedWithServiceAndField() throws IOException {
        Path catalog = dir.resolve("catalog.yml");
        Files.writeString(catalog, Files.readString(Path.of("config/catalog.yml"))
                .replaceFirst("team: team-druck", "team: \"\""));
        ConfigFileException error = findCause(startWith("--servicedesk.catalog-file=" + catalog), ConfigFileException.class);
        assertThat(error.getMessage()).contains("service 'drucken', field 'team': is required");
    }

    @Test
    void wrongValuesNameTheirKey() {
        assertThat(startWith("--servicedesk.business-hours.open=7 Uhr")).rootCause()
                .hasMessageContaining("servicedesk.business-hours.open");
        assertThat(startWith("--servicedesk.ticket-prefix=sd-1")).hasStackTraceContaining("servicedesk.ticket-prefix");
        assertThat(startWith("--servicedesk.api.agent-keys[0]=short")).rootCause()
                .hasMessageContaining("servicedesk.api.agent-keys[0]");
        assertThat(startWith("--servicedesk.dialog.reminder-after=PT2H", "--servicedesk.dialog.expire-after=PT1H"))
                .rootCause().hasMessageContaining("servicedesk.dialog.expire-after");
        assertThat(startWith("--servicedesk.grouping.window=-PT1H")).rootCause()
                .hasMessageContaining("servicedesk.grouping.window");
        assertThat(startWith("--servicedesk.resolution.auto-close-after=PT5M")).rootCause()
                .hasMessageContaining("servicedesk.resolution.auto-close-after");
        assertThat(startWith("--servicedesk.schools-file=" + dir.resolve("missing.yml"))).rootCause()
                .hasMessageContaining("missing.yml").hasMessageContaining("file not found");
    }

    @Test
    void wrongRetentionValuesNameTheirKey() {
        assertThat(startWith("--servicedesk.retention.transcripts=PT1H"))
                .hasStackTraceContaining("servicedesk.retention.transcripts").hasStackTraceContaining("at least one day");
        assertThat(startWith("--servicedesk.retention.pseudonymise-closed-after=-P1M"))
                .hasStackTraceContaining("servicedesk.retention.pseudonymise-closed-after must be positive");
        assertThat(startWith("--servicedesk.retention.schedule=every night"))
                .hasStackTraceContaining("servicedesk.retention.schedule must be a Spring cron expression");
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }

}
