package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.schulit.servicedesk.telegram.FakeTelegramServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real app in webhook mode: it registers itself with setWebhook, rejects a wrong secret, answers updates. */
class TelegramWebhookIntegrationTests {

    static final String SECRET = "an-operators-webhook-secret_42";

    static FakeTelegramServer telegram;
    static RunningApp app;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegramServer();
        app = inWebhookMode("telegram-webhook", telegram, SECRET);
    }

    /** The real app with Telegram in webhook mode against the fake Bot API server. */
    static RunningApp inWebhookMode(String name, FakeTelegramServer telegram, String secret, String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "servicedesk.telegram.enabled=true",
                "servicedesk.telegram.token=" + FakeTelegramServer.TOKEN,
                "servicedesk.telegram.base-url=" + telegram.baseUrl(),
                "servicedesk.telegram.mode=webhook",
                "servicedesk.telegram.webhook-url=https://servicedesk.example.org/api/telegram/webhook",
                "servicedesk.telegram.webhook-secret=" + secret));
        properties.addAll(List.of(more));
        return new RunningApp(name, properties.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
    }

    static HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registersTheWebhookAndAnswersOnlyWithTheRightSecret() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.webhook() != null);
        assertThat(telegram.webhook()).containsEntry("url", "https://servicedesk.example.org/api/telegram/webhook")
                .containsEntry("secret_token", SECRET);
        assertThat(telegram.webhook().get("allowed_updates")).isEqualTo("[\"message\",\"callback_query\"]");

        String code = app.enrollmentCode("demo-grundschule", "STAFF");
        String update = FakeTelegramServer.textUpdateJson(9001, 5550001, "/start " + code);
        HttpResponse<String> missing = post(update, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("\"error\"");
        assertThat(post(update, "wrong-secret-wrong-secret").statusCode()).isEqualTo(401);

        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200); // Telegram redelivers: processed once
        await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo(5550001).isEmpty());
        // the privacy notice of a new chat, then the answer
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> telegram.sentTo(5550001).size() == 2);
        assertThat(telegram.sentTo(5550001).get(0).text()).contains("Hinweis zum Datenschutz");
        assertThat(telegram.sentTo(5550001).get(1).text()).contains("Wie heißen Sie?");
        assertThat(telegram.calls()).doesNotContain("getUpdates");
    }
}
