package de.schulit.servicedesk.app;

import de.schulit.servicedesk.ServicedeskApplication;
import de.schulit.servicedesk.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application on a random port with its own database (H2 file, or PostgreSQL in the PostgreSQL run, see
 * {@link TestDatabase}), started from the repository root with the shipped configuration, and a small HTTP client
 * for it. Stop and start again on the same database to test restarts.
 */
final class RunningApp implements AutoCloseable {

    static final String AGENT_KEY = "agent-key-for-integration-tests";
    static final String ADMIN_KEY = "admin-key-for-integration-tests";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TestDatabase database;
    private final List<String> extraProperties;
    private ConfigurableApplicationContext context;
    private String baseUrl;

    RunningApp(String name, String... extraProperties) {
        this.database = TestDatabase.create(Path.of("bot-app", "target", "it-db", name + "-" + System.nanoTime(), "servicedesk"));
        this.extraProperties = List.of(extraProperties);
        start();
    }

    void start() {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--servicedesk.api.agent-keys[0]=" + AGENT_KEY,
                "--servicedesk.api.admin-keys[0]=" + ADMIN_KEY,
                "--logging.level.root=WARN"));
        args.addAll(List.of(database.springArguments()));
        // scripted chats are faster than people: generous limits unless a test sets its own (AbuseLimitsIntegrationTests)
        for (String limit : List.of("servicedesk.rate-limit.messages-per-minute=600", "servicedesk.rate-limit.sessions-per-minute=600")) {
            String key = limit.substring(0, limit.indexOf('='));
            if (extraProperties.stream().noneMatch(p -> p.startsWith(key + "="))) {
                args.add("--" + limit);
            }
        }
        extraProperties.forEach(p -> args.add("--" + p));
        context = new SpringApplicationBuilder(ServicedeskApplication.class).run(args.toArray(String[]::new));
        baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    void restart() {
        context.close();
        start();
    }

    /** Stops the app (as at a shutdown); {@link #start()} starts it again on the same database. */
    void stop() {
        context.close();
    }

    /** The app's database, to look into or change it while the app is stopped. */
    TestDatabase database() {
        return database;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
    }

    Response post(String path, Object body, String apiKey) {
        return send(path, "POST", body instanceof String s ? s : JSON.writeValueAsString(body), apiKey, "application/json");
    }

    Response get(String path, String apiKey) {
        return send(path, "GET", null, apiKey, null);
    }

    Response send(String path, String method, String body, String apiKey, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), json, response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A web chat session driven over the SPEC's chat API. */
    final class Chat implements PrintingIntake.Chat {
        final String sessionId;
        JsonNode last;

        Chat() {
            Response created = post("/api/chat/sessions", Map.of(), null);
            if (created.status() != 201) {
                throw new IllegalStateException("session not created: " + created.status() + " " + created.body());
            }
            sessionId = created.json().get("sessionId").asString();
        }

        Chat says(String text) {
            return send(Map.of("text", text));
        }

        @Override
        public void type(String text) {
            says(text);
        }

        @Override
        public void press(String optionId) {
            presses(optionId);
        }

        Chat presses(String optionId) {
            return send(Map.of("optionId", optionId));
        }

        private Chat send(Map<String, String> body) {
            Response response = post("/api/chat/sessions/" + sessionId + "/messages", body, null);
            if (response.status() != 200) {
                throw new IllegalStateException("chat answered " + response.status() + ": " + response.body());
            }
            last = response.json().get("messages");
            return this;
        }

        @Override
        public String text() {
            return texts(last);
        }

        @Override
        public List<String> optionIds() {
            return lastOptionIds(last);
        }

        JsonNode messagesAfter(String cursor) {
            return get("/api/chat/sessions/" + sessionId + "/messages?after=" + cursor, null).json().get("messages");
        }

        String lastId() {
            return last.get(last.size() - 1).get("id").asString();
        }
    }

    /** The texts of a chat API message array, one per line. */
    static String texts(JsonNode messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(m -> text.append(m.get("text").asString()).append('\n'));
        return text.toString();
    }

    /** The option ids of the last message of a chat API message array: the buttons the user may press now. */
    static List<String> lastOptionIds(JsonNode messages) {
        List<String> ids = new ArrayList<>();
        if (!messages.isEmpty()) {
            messages.get(messages.size() - 1).get("options").forEach(o -> ids.add(o.get("id").asString()));
        }
        return ids;
    }

    Chat chat() {
        return new Chat();
    }

    String enrollmentCode(String schoolId, String role) {
        Response response = post("/api/schools/" + schoolId + "/enrollment-codes",
                Map.of("maxUses", 5, "validDays", 7, "role", role), ADMIN_KEY);
        if (response.status() != 201) {
            throw new IllegalStateException("code not issued: " + response.status() + " " + response.body());
        }
        return response.json().get("code").asString();
    }

    Chat enrolledChat(String schoolId, String role, String name) {
        Chat chat = chat().says("/start " + enrollmentCode(schoolId, role)).says(name);
        if (!chat.text().contains("Willkommen")) {
            throw new IllegalStateException("not enrolled: " + chat.text());
        }
        return chat;
    }
}
