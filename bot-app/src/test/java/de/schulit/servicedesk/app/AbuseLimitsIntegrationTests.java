package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of README's Security section on the real app, with small values: messages per chat and minute (one
 * notice, then silence, other chats unaffected), web chat sessions per client address, and enrollment-code guessing
 * per chat and per channel. Each test class has its own app, so the counts start at zero.
 */
class AbuseLimitsIntegrationTests {

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp("abuse-limits",
                "servicedesk.rate-limit.messages-per-minute=5",
                "servicedesk.rate-limit.sessions-per-minute=6",
                "servicedesk.rate-limit.enrollment-attempts-per-chat=2",
                "servicedesk.rate-limit.enrollment-attempts-per-channel=4");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void limitsMessagesPerChatAndMinuteSessionsPerClientAndCodeGuesses() {
        // messages: five answered, the sixth gets the notice, the seventh nothing; another chat is unaffected
        var flooding = app.chat();
        for (int i = 0; i < 5; i++) {
            assertThat(flooding.says("Hallo " + i).text()).contains("/start");
        }
        assertThat(flooding.says("Hallo 5").text()).contains("sehr viele Nachrichten").contains("warten Sie eine Minute");
        assertThat(flooding.says("Hallo 6").last).isEmpty();
        assertThat(flooding.messagesAfter("0")).as("the privacy notice of the first contact, five answers, the "
                + "rate-limit notice; nothing for the rejected inputs").hasSize(7);

        // enrollment: two wrong codes per chat, then not even the right code is checked
        String code = app.enrollmentCode("demo-grundschule", "STAFF");
        var guesser = app.chat();
        assertThat(guesser.says("/start AAAAA-AAAAA").text()).contains("ungültig");
        assertThat(guesser.says("/start BBBBB-BBBBB").text()).contains("ungültig");
        assertThat(guesser.says("/start " + code).text()).contains("zu viele ungültige Codes");

        // four wrong codes per channel: the second guesser uses them up, a new session with the right code waits too
        var second = app.chat();
        assertThat(second.says("/start CCCCC-CCCCC").text()).contains("ungültig");
        assertThat(second.says("/start DDDDD-DDDDD").text()).contains("ungültig");
        var honest = app.chat();
        assertThat(honest.says("/start " + code).text()).contains("zu viele ungültige Codes");

        // sessions: this client opened four above (flooding, guesser, second, honest); two more, then 429
        app.chat();
        app.chat();
        RunningApp.Response refused = app.post("/api/chat/sessions", Map.of(), null);
        HostileInputIntegrationTests.assertJsonError(refused, 429);
        assertThat(refused.json().get("error").asString()).contains("Zu viele neue Chats");
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
    }
}
