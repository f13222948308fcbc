package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import de.schulit.servicedesk.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What an operator sees of the real app: health with the database and the web chat, Prometheus metrics after a
 * conversation (no API key needed, see README), and logs that follow a ticket by number but name nobody.
 */
class ObservabilityIntegrationTests {

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp("observability", "logging.level.de.schulit=DEBUG");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthShowsTheDatabaseAndTheWebChatWithoutAKey() {
        app.chat().says("Hallo");
        RunningApp.Response health = app.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("webchat").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("webchat").get("details").get("lastInbound")).isNotNull();
        assertThat(components.has("telegram")).as("telegram is off").isFalse();
    }

    @Test
    void aConversationShowsUpInThePrometheusMetricsAndTheLogsNameTheTicketButNobody() throws Exception {
        String name = "Frieda Fehlerfrei";
        RunningApp.Chat chat;
        String number;
        try (CapturedLogs logs = new CapturedLogs()) {
            chat = app.enrolledChat("demo-grundschule", "STAFF", name);
            chat.says(WebChatScenarioIntegrationTests.PRINTER);
            PrintingIntake.choosePrinting(chat);
            number = WebChatScenarioIntegrationTests.finishIntake(chat);
            app.post("/api/tickets/" + number + "/status", Map.of("status", "IN_PROGRESS", "comment", "Kommen gleich"),
                    RunningApp.AGENT_KEY);
            app.post("/api/tickets/" + number + "/messages", Map.of("text", "Bitte Papier nachlegen"),
                    RunningApp.AGENT_KEY);
            chat.says("Nachtrag zu " + number + ": Papier ist nachgelegt");
            chat.says("/meine-daten");
            app.post("/api/tickets/SD-2026-99999/status", Map.of("status", "WAITING"), RunningApp.AGENT_KEY);

            String sessionHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(chat.sessionId.getBytes(StandardCharsets.US_ASCII)));
            assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .doesNotContain(name).doesNotContain("Frieda").doesNotContain(chat.sessionId)
                    .doesNotContain(sessionHash).doesNotContain("Lehrerzimmer").doesNotContain("Papier"));

            ILoggingEvent created = logs.events().stream()
                    .filter(e -> e.getFormattedMessage().startsWith("Ticket created")).findFirst().orElseThrow();
            assertThat(created.getMDCPropertyMap()).containsEntry("ticket", number);
            assertThat(logs.events()).filteredOn(e -> number.equals(e.getMDCPropertyMap().get("ticket")))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .contains("Ticket status NEW -> IN_PROGRESS", "Agent reply relayed to the requester");

            PatternLayout layout = new PatternLayout();
            layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            layout.setPattern(app.bean(org.springframework.core.env.Environment.class)
                    .getProperty("logging.pattern.level") + " %m");
            layout.start();
            assertThat(layout.doLayout(created)).startsWith(" INFO ticket=" + number + " Ticket created");
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            ILoggingEvent other = new LoggingEvent(getClass().getName(), context.getLogger("test"), Level.INFO,
                    "no ticket here", null, null);
            assertThat(layout.doLayout(other)).isEqualTo(" INFO no ticket here");
        }

        RunningApp.Response metrics = app.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("servicedesk_messages_in_total\\{channel=\"webchat\"} [1-9]")
                .containsPattern("servicedesk_messages_out_total\\{channel=\"webchat\"} [1-9]")
                .containsPattern("servicedesk_dialog_turns_seconds_count\\{channel=\"webchat\"} [1-9]")
                .contains("servicedesk_tickets_opened_total{priority=\"P3\",service=\"drucken\",type=\"stoerung\"} 1.0")
                .containsPattern("servicedesk_classification_confidence_bucket\\{outcome=\"[a-z-]+\",le=\"0.5\"}")
                .containsPattern("servicedesk_classification_confidence_count\\{outcome=\"(decided|abstained)\"} [1-9]")
                .doesNotContain("Frieda");
        if (TestDatabase.postgres()) {
            assertThat(metrics.body()).doesNotContain("servicedesk_h2_checkpoints");
        } else {
            assertThat(metrics.body()).containsPattern("servicedesk_h2_checkpoints_seconds_count [1-9]");
        }
    }
}
