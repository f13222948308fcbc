package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import de.schulit.servicedesk.telegram.FakeTelegramServer.Sent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The real app in long-polling mode against the fake Bot API, configured with the SPEC.md keys only: deep-link
 * enrollment, an intake with buttons and typed answers and a photo, a status query, an agent's reply and a status
 * change arriving in Telegram, an old button pressed twice, a group chat.
 */
class TelegramScenarioIntegrationTests {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3};

    static FakeTelegramServer telegram;
    static RunningApp app;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegramServer();
        app = new RunningApp("telegram",
                "servicedesk.telegram.enabled=true",
                "servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                "servicedesk.telegram.base-url=" + telegram.baseUrl(),
                "servicedesk.telegram.mode=long-polling");
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
    }

    static TelegramTestChat chat(long id) {
        return new TelegramTestChat(telegram, app.bean(JdbcClient.class), id);
    }

    @Test
    void enrollByDeepLinkReportWithButtonsAndAPhotoFollowTheTicketInTelegram() {
        TelegramTestChat chat = chat(4711001);
        String code = app.enrollmentCode("demo-grundschule", "STAFF");
        assertThat(chat.says("/start " + code).text()).contains("Demo-Grundschule am See").contains("Wie heißen Sie?");
        assertThat(chat.says("Anna Schmidt").text()).contains("Willkommen, Anna Schmidt");

        chat.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(chat);
        assertThat(chat.text()).contains("In welchem Raum");
        assertThat(chat.sendsPhoto(JPEG).text()).contains("füge ich Ihrer Meldung bei").contains("In welchem Raum");

        PrintingIntake.answerUntilSummary(chat);
        assertThat(chat.text()).contains("Bitte prüfen Sie Ihre Meldung").contains("Lehrerzimmer");
        Sent summary = chat.last.get(chat.last.size() - 1);
        chat.presses(summary, "confirm");
        Matcher number = WebChatScenarioIntegrationTests.NUMBER.matcher(chat.text());
        assertThat(number.find()).as(chat.text()).isTrue();
        String ticket = number.group();

        // every pressed button was answered and its keyboard removed
        assertThat(telegram.answeredCallbacks()).isNotEmpty();
        assertThat(telegram.edited()).anySatisfy(e -> assertThat(e.messageId()).isEqualTo(summary.messageId()));

        JsonNode json = app.get("/api/tickets/" + ticket, RunningApp.AGENT_KEY).json();
        assertThat(json.get("serviceId").asString()).isEqualTo("drucken");
        assertThat(json.get("fields").toString()).contains("Lehrerzimmer");
        assertThat(json.get("attachments")).hasSize(1);
        assertThat(json.get("attachments").get(0).toString()).contains("image/jpeg");

        // the old confirm button pressed twice more: no second ticket
        chat.presses(summary, "confirm");
        assertThat(chat.text()).contains("nicht mehr aktuell");
        chat.presses(summary, "confirm");
        assertThat(chat.text()).doesNotContain("ist angelegt");
        long tickets = app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM ticket WHERE requester_address = '4711001'")
                .query(Long.class).single();
        assertThat(tickets).isEqualTo(1);

        assertThat(chat.says("Status " + ticket).text()).contains(ticket).contains("Neu");

        app.post("/api/tickets/" + ticket + "/status", Map.of("status", "IN_PROGRESS",
                "comment", "Der Techniker kommt um 11 Uhr."), RunningApp.AGENT_KEY);
        app.post("/api/tickets/" + ticket + "/messages", Map.of("text", "Bitte prüfen Sie das <b>Papierfach</b>."),
                RunningApp.AGENT_KEY);
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(chat.id).stream()
                .anyMatch(s -> s.text().contains("Bitte prüfen Sie das <b>Papierfach</b>.")));
        List<Sent> all = telegram.sentTo(chat.id);
        assertThat(all.stream().map(Sent::text).filter(t -> t.contains("In Bearbeitung"))).isNotEmpty();
        assertThat(all).allSatisfy(s -> assertThat(s.parseMode()).isNull());
    }

    @Test
    void aGroupGetsOnePoliteNoticeAndThenSilence() {
        long group = -1001234567890L;
        int first = telegram.groupMessage(group, 4711002, "/start ABC");
        chat(group).settle(first);
        int second = telegram.groupMessage(group, 4711002, "Hallo Bot?");
        chat(group).settle(second);
        telegram.groupMessage(group, 4711003, "/hilfe");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.confirmedOffset() > second);
        List<Sent> toGroup = telegram.sentTo(group);
        assertThat(toGroup).hasSize(1);
        assertThat(toGroup.get(0).text()).contains("Ich antworte nur im privaten Chat");
    }

    @Test
    void commandsAreRegisteredInGermanAndEnglishAndOnlyUsedUpdatesAreRequested() {
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.commands().size() >= 3);
        assertThat(telegram.commands().toString()).contains("\"neu\"").contains("\"datenschutz\"").contains("\"en\"")
                .contains("\"privacy\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.lastAllowedUpdates() != null);
        assertThat(telegram.lastAllowedUpdates().toString()).isEqualTo("[\"message\",\"callback_query\"]");
        assertThat(telegram.calls()).contains("deleteWebhook");
    }

    @Test
    void healthAndMetricsShowTheTelegramChannelAndTheLogsNoChatId() {
        TelegramTestChat chat = new TelegramTestChat(telegram, app, 4711777);
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(chat.says("/hilfe").text()).contains("Hinweis zum Datenschutz").contains("/start");
            assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain("4711777"));
        }
        JsonNode telegramHealth = app.get("/actuator/health", null).json().get("components").get("telegram");
        assertThat(telegramHealth.get("status").asString()).isEqualTo("UP");
        assertThat(telegramHealth.get("details").get("lastContact")).isNotNull();
        assertThat(telegramHealth.get("details").get("lastDelivery")).isNotNull();
        assertThat(telegramHealth.get("details").get("queueDepth").asLong()).isZero();
        assertThat(app.get("/actuator/prometheus", null).body())
                .containsPattern("servicedesk_messages_in_total\\{channel=\"telegram\"} [1-9]")
                .containsPattern("servicedesk_delivery_delivered_total\\{channel=\"telegram\"} [1-9]")
                .contains("servicedesk_outbox_queue_depth{channel=\"telegram\"} 0.0")
                .contains("servicedesk_outbox_queue_age_seconds{channel=\"telegram\"} 0.0");
    }
}
