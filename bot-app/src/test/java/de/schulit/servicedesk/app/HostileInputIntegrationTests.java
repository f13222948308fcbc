package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx or a friendly reply, never a stack trace, and the app keeps working. */
class HostileInputIntegrationTests {

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp("hostile");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void assertJsonError(RunningApp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json()).as(response.body()).isNotNull();
        assertThat(response.json().get("error").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void webChatInputIsCheckedAndAnswered() {
        var chat = app.chat();
        String messages = "/api/chat/sessions/" + chat.sessionId + "/messages";

        assertThat(chat.says("").text()).contains("leer");
        assertJsonError(app.post(messages, Map.of("text", "x".repeat(100 * 1024)), null), 413);
        assertJsonError(app.post(messages, "{\"text\": ", null), 400);
        assertJsonError(app.post(messages, "[1,2]", null), 400);
        assertJsonError(app.post(messages, Map.of(), null), 400);
        assertJsonError(app.post(messages, Map.of("text", "a", "optionId", "b"), null), 400);
        assertJsonError(app.send(messages, "POST", "text=hallo", null, "text/plain"), 415);
        assertJsonError(app.post("/api/chat/sessions/unknown-session/messages", Map.of("text", "Hallo"), null), 404);
        assertJsonError(app.get("/api/chat/sessions/" + "A".repeat(43) + "/messages", null), 404);
        assertJsonError(app.get(messages + "?after=abc", null), 400);

        assertThat(chat.presses("svc:drucken").text()).as("unenrolled: nothing but how to enroll").contains("/start");
        assertThat(chat.says("x".repeat(5000)).text()).contains("zu lang");

        var enrolled = app.enrolledChat("demo-grundschule", "STAFF", "Hanna Hostile");
        assertThat(enrolled.presses("confirm").text()).contains("nicht mehr aktuell");
        String hostile = "<img src=x onerror=alert(1)>'; DROP TABLE ticket; -- \u202E\u200B";
        enrolled.says(hostile);
        assertThat(enrolled.optionIds()).isNotEmpty();
        enrolled.says("abbrechen");
        assertThat(enrolled.says("Status 1' OR '1'='1").text()).doesNotContain("SD-");
        assertThat(app.get("/api/tickets", RunningApp.AGENT_KEY).status()).isEqualTo(200);
    }

    @Test
    void apisNeedTheRightKeyAndAnswerErrorsAsJson() {
        assertJsonError(app.get("/api/tickets", null), 401);
        assertJsonError(app.get("/api/tickets", "wrong-key-wrong-key"), 401);
        assertJsonError(app.get("/api/tickets", RunningApp.ADMIN_KEY), 403);
        assertJsonError(app.get("/api/schools", RunningApp.AGENT_KEY), 403);
        assertThat(app.get("/api/schools", RunningApp.ADMIN_KEY).json().get("schools").toString())
                .contains("demo-grundschule").contains("gs-am-park");
        assertJsonError(app.post("/api/classify", Map.of("text", "Beamer kaputt"), null), 401);
        assertThat(app.post("/api/classify", Map.of("text", "Beamer kaputt"), RunningApp.AGENT_KEY).status()).isEqualTo(200);
        assertJsonError(app.post("/api/classify", Map.of("text", ""), RunningApp.ADMIN_KEY), 400);

        assertJsonError(app.get("/api/tickets/SD-2026-99999", RunningApp.AGENT_KEY), 404);
        assertJsonError(app.get("/api/tickets/not-a-number", RunningApp.AGENT_KEY), 404);
        assertJsonError(app.get("/api/tickets?status=BROKEN", RunningApp.AGENT_KEY), 400);
        assertJsonError(app.post("/api/tickets/SD-2026-99999/status", Map.of("status", "CLOSED"), RunningApp.AGENT_KEY), 404);
        assertJsonError(app.post("/api/schools/nowhere/enrollment-codes", Map.of(), RunningApp.ADMIN_KEY), 404);
        assertJsonError(app.post("/api/schools/demo-grundschule/enrollment-codes", Map.of("maxUses", 0), RunningApp.ADMIN_KEY), 400);
        assertJsonError(app.post("/api/schools/demo-grundschule/enrollment-codes", Map.of("role", "KING"), RunningApp.ADMIN_KEY), 400);
        assertJsonError(app.get("/api/nothing-here", null), 404);
        assertJsonError(app.send("/api/chat/sessions", "DELETE", null, null, null), 405);

        RunningApp.Response page = app.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(app.get("/actuator/health", null).body()).contains("UP");
    }

    @Test
    void agentInputIsValidated() {
        var chat = app.enrolledChat("demo-grundschule", "STAFF", "Vera Valid");
        chat.says(WebChatScenarioIntegrationTests.PRINTER);
        PrintingIntake.choosePrinting(chat);
        String number = WebChatScenarioIntegrationTests.finishIntake(chat);
        String path = "/api/tickets/" + number;
        assertJsonError(app.post(path + "/messages", Map.of("text", " "), RunningApp.AGENT_KEY), 400);
        assertJsonError(app.post(path + "/messages", Map.of("text", "x".repeat(4001)), RunningApp.AGENT_KEY), 400);
        assertJsonError(app.post(path + "/status", Map.of("status", "DONE"), RunningApp.AGENT_KEY), 400);
        assertJsonError(app.post(path + "/status", Map.of("status", "NEW"), RunningApp.AGENT_KEY), 400);
        assertJsonError(app.post(path + "/status", Map.of(), RunningApp.AGENT_KEY), 400);
        assertThat(app.post(path + "/status", Map.of("status", "resolved"), RunningApp.AGENT_KEY).json()
                .get("status").asString()).isEqualTo("RESOLVED");
    }
}
