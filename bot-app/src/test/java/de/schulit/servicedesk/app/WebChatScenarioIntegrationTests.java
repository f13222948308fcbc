package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The foundation's promise over real HTTP on a real H2 file database: enroll, report, status, agent answers, restart. */
class WebChatScenarioIntegrationTests {

    static final String PRINTER = "Der Drucker im Lehrerzimmer druckt nur noch leere Seiten";
    static final Pattern NUMBER = Pattern.compile("SD-\\d{4}-\\d{5}");

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp("scenario");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Answers the drucken questions and the assessment up to the summary, then confirms; returns the number. */
    static String finishIntake(RunningApp.Chat chat) {
        PrintingIntake.answerUntilSummary(chat);
        assertThat(chat.text()).contains("Bitte prüfen Sie Ihre Meldung").contains("Lehrerzimmer");
        chat.presses("confirm");
        Matcher number = NUMBER.matcher(chat.text());
        assertThat(number.find()).as(chat.text()).isTrue();
        return number.group();
    }

    @Test
    void enrollReportFollowTheStatusAndReceiveTheAgentsAnswer() {
        var chat = app.chat();
        chat.says("Hallo?").text();
        assertThat(chat.text()).contains("/start");
        String code = app.enrollmentCode("demo-grundschule", "STAFF");
        assertThat(chat.says("/start " + code).text()).contains("Demo-Grundschule am See").contains("Wie heißen Sie?");
        assertThat(chat.says("Anna Schmidt").text()).contains("Willkommen, Anna Schmidt");

        chat.says(PRINTER);
        PrintingIntake.choosePrinting(chat);
        String number = finishIntake(chat);
        assertThat(chat.text()).contains("Ihr Ticket " + number + " ist angelegt");

        RunningApp.Response ticket = app.get("/api/tickets/" + number, RunningApp.AGENT_KEY);
        assertThat(ticket.status()).isEqualTo(200);
        JsonNode json = ticket.json();
        assertThat(json.get("serviceId").asString()).isEqualTo("drucken");
        assertThat(json.get("schoolId").asString()).isEqualTo("demo-grundschule");
        assertThat(json.get("status").asString()).isEqualTo("NEW");
        assertThat(json.get("requestType").asString()).isEqualTo("stoerung");
        assertThat(json.get("priority").asString()).isEqualTo("P3");
        assertThat(json.get("title").asString())
                .isEqualTo("Drucken & Kopieren / Drucker, Lehrerzimmer: Der Drucker im Lehrerzimmer druckt…");
        assertThat(json.get("description").asString()).startsWith(PRINTER + "\n")
                .contains("In welchem Raum steht das Gerät? Lehrerzimmer");
        assertThat(json.get("affected").asInt()).isEqualTo(1);
        assertThat(json.get("subscribers")).isEmpty();
        assertThat(json.get("fields").get("raum").asString()).isEqualTo("Lehrerzimmer");
        assertThat(json.get("fields").get("geraet").asString()).isEqualTo("Drucker");
        assertThat(json.get("requester").get("name").asString()).isEqualTo("Anna Schmidt");
        assertThat(json.get("history").get(0).get("type").asString()).isEqualTo("CREATED");
        assertThat(json.has("assignee")).as("shown as null until somebody is assigned").isTrue();
        assertThat(json.get("assignee").isNull()).isTrue();
        assertThat(json.propertyNames()).as("every field of SPEC.md's Ticket").contains("number", "schoolId", "serviceId",
                "requestType", "priority", "status", "title", "description", "fields", "requester", "createdAt",
                "updatedAt", "history");

        String cursor = chat.lastId();
        RunningApp.Response changed = app.post("/api/tickets/" + number + "/status",
                Map.of("status", "IN_PROGRESS", "comment", "Der Techniker kommt um 11 Uhr."), RunningApp.AGENT_KEY);
        assertThat(changed.status()).isEqualTo(200);
        JsonNode notified = chat.messagesAfter(cursor);
        assertThat(notified).hasSize(1);
        assertThat(notified.get(0).get("text").asString()).contains(number).contains("In Bearbeitung")
                .contains("Der Techniker kommt um 11 Uhr.");

        cursor = notified.get(0).get("id").asString();
        assertThat(app.post("/api/tickets/" + number + "/messages", Map.of("text", "Bitte Papierfach prüfen"),
                RunningApp.AGENT_KEY).status()).isEqualTo(200);
        assertThat(app.post("/api/tickets/" + number + "/messages", Map.of("text", "intern: Toner bestellt",
                "internal", true), RunningApp.AGENT_KEY).status()).isEqualTo(200);
        JsonNode replies = chat.messagesAfter(cursor);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("text").asString()).contains("Bitte Papierfach prüfen");
        assertThat(chat.messagesAfter(replies.get(0).get("id").asString())).isEmpty();

        assertThat(chat.says("Status " + number).text()).contains("In Bearbeitung").contains("Bitte Papierfach prüfen");
        assertThat(app.get("/api/tickets/" + number, RunningApp.AGENT_KEY).json().get("history").toString())
                .contains("STATUS_CHANGE").contains("AGENT_REPLY").contains("INTERNAL_NOTE");

        var stranger = app.enrolledChat("demo-gymnasium", "COORDINATOR", "Olga Ost");
        assertThat(stranger.says("Status " + number).text()).contains("nicht gefunden").doesNotContain("Papierfach");
        var colleague = app.enrolledChat("demo-grundschule", "STAFF", "Bert Brandt");
        assertThat(colleague.says("Status " + number).text()).contains("nicht gefunden");
        var coordinator = app.enrolledChat("demo-grundschule", "COORDINATOR", "Cora Koch");
        assertThat(coordinator.says("Status " + number).text()).contains("In Bearbeitung");

        JsonNode list = app.get("/api/tickets?schoolId=demo-grundschule&status=IN_PROGRESS", RunningApp.AGENT_KEY).json();
        assertThat(list.get("tickets").toString()).contains(number);
        assertThat(app.get("/api/tickets?schoolId=demo-gymnasium", RunningApp.AGENT_KEY).json().get("tickets").toString())
                .doesNotContain(number);
    }

    @Test
    void aRestartContinuesTheOpenDialogAndTheTicketSequence() {
        var chat = app.enrolledChat("demo-grundschule", "STAFF", "Rita Restart");
        chat.says(PRINTER);
        PrintingIntake.choosePrinting(chat);
        String first = finishIntake(chat);

        chat.says(PRINTER);
        PrintingIntake.choosePrinting(chat);
        assertThat(chat.text()).contains("In welchem Raum");

        app.restart();

        // another room than the first ticket's, so that it is not offered for joining
        assertThat(chat.says("Raum 2.14").text()).contains("Um welches Gerät");
        String second = finishIntake(chat);
        int firstSequence = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        assertThat(second).isEqualTo(first.substring(0, first.lastIndexOf('-') + 1)
                + String.format("%05d", firstSequence + 1));
        assertThat(app.get("/api/tickets/" + first, RunningApp.AGENT_KEY).status()).isEqualTo(200);
    }
}
