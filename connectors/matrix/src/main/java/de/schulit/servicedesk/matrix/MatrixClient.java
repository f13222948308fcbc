package de.schulit.servicedesk.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few calls of the Matrix Client-Server API (v1.11) the bot needs, on java.net.http and Jackson: login, sync,
 * join and leave, sending with a transaction id, one state event, paging back through a room's messages, media upload
 * and the authenticated media download. Every failure is a {@link MatrixException} carrying the HTTP status, the Matrix
 * errcode and, for rate limits, how long to wait. No retries here: the callers decide (a send is retried with the
 * same transaction id, which the homeserver deduplicates).
 */
final class MatrixClient {

    static final String CLIENT_API = "/_matrix/client/v3";
    private static final Pattern MXC = Pattern.compile("mxc://([A-Za-z0-9.\\-]+(?::[0-9]{1,5})?)/([A-Za-z0-9_-]+)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A downloaded file: its bytes, or null when it is larger than allowed. */
    record Download(byte[] content, String contentType) {
    }

    private final HttpClient http;
    private final String root;
    private final JsonMapper json;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile String accessToken;

    MatrixClient(HttpClient http, String apiRoot, String accessToken, JsonMapper json) {
        this.http = http;
        this.root = apiRoot;
        this.accessToken = accessToken;
        this.json = json;
    }

    boolean hasAccessToken() {
        return accessToken != null && !accessToken.isBlank();
    }

    /** Password login on a fixed device; the token is kept for all later calls. */
    void login(String userId, String password, String deviceId) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "m.login.password");
        body.putObject("identifier").put("type", "m.id.user").put("user", userId);
        body.put("password", password);
        body.put("device_id", deviceId);
        body.put("initial_device_display_name", "Servicedesk-Bot");
        JsonNode answer = call(request(CLIENT_API + "/login", REQUEST_TIMEOUT).POST(bodyOf(body)), false);
        accessToken = answer.path("access_token").asString();
    }

    /** The user id the token belongs to. */
    String whoami() {
        return call(request(CLIENT_API + "/account/whoami", REQUEST_TIMEOUT).GET(), true).path("user_id").asString();
    }

    /** One sync; {@code since} null for the first. Waits up to {@code timeout} for news. */
    JsonNode sync(String since, String filter, Duration timeout) {
        StringBuilder path = new StringBuilder(CLIENT_API + "/sync?timeout=").append(timeout.toMillis())
                .append("&filter=").append(query(filter));
        if (since != null) {
            path.append("&since=").append(query(since));
        }
        return call(request(path.toString(), timeout.plus(REQUEST_TIMEOUT)).GET(), true);
    }

    /** Ends calls in flight at once (a long-polling sync at shutdown); they fail with a network error. */
    void abortCalls() {
        inFlight.forEach(call -> call.cancel(true));
    }

    void join(String roomId) {
        call(request(CLIENT_API + "/join/" + segment(roomId), REQUEST_TIMEOUT).POST(bodyOf(json.createObjectNode())), true);
    }

    void leave(String roomId) {
        call(request(CLIENT_API + "/rooms/" + segment(roomId) + "/leave", REQUEST_TIMEOUT)
                .POST(bodyOf(json.createObjectNode())), true);
    }

    /** Sends an event; the same transaction id returns the same event id, so a retried send is never doubled. */
    String send(String roomId, String eventType, String txnId, JsonNode content) {
        String path = CLIENT_API + "/rooms/" + segment(roomId) + "/send/" + segment(eventType) + "/" + segment(txnId);
        return call(request(path, REQUEST_TIMEOUT).PUT(bodyOf(content)), true).path("event_id").asString();
    }

    /** A state event's content, or empty when the room has none of that type. */
    Optional<JsonNode> state(String roomId, String eventType, String stateKey) {
        String path = CLIENT_API + "/rooms/" + segment(roomId) + "/state/" + segment(eventType) + "/" + segment(stateKey);
        try {
            return Optional.of(call(request(path, REQUEST_TIMEOUT).GET(), true));
        } catch (MatrixException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Older messages of a room, newest first, starting at a pagination token (a sync's prev_batch). */
    JsonNode messagesBefore(String roomId, String from, String filter, int limit) {
        String path = CLIENT_API + "/rooms/" + segment(roomId) + "/messages?dir=b&limit=" + limit
                + "&from=" + query(from) + "&filter=" + query(filter);
        return call(request(path, REQUEST_TIMEOUT).GET(), true);
    }

    /** Uploads a file; returns its {@code mxc://} URI. */
    String upload(byte[] content, String mimeType, String fileName) {
        HttpRequest.Builder request = request("/_matrix/media/v3/upload?filename=" + query(fileName), Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        return call(request, mimeType, true).path("content_uri").asString();
    }

    /** Downloads an {@code mxc://} file through the authenticated media endpoint, at most maxBytes. */
    Download download(String mxcUri, long maxBytes) {
        Matcher mxc = mxcUri == null ? null : MXC.matcher(mxcUri);
        if (mxc == null || !mxc.matches()) {
            throw new MatrixException(400, "M_INVALID_PARAM", "not an mxc URI", null);
        }
        String path = "/_matrix/client/v1/media/download/" + segment(mxc.group(1)) + "/" + segment(mxc.group(2));
        HttpRequest request = request(path, Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw failure(response.statusCode(), new String(body.readNBytes(8192), StandardCharsets.UTF_8),
                            response.headers().firstValue("Retry-After").orElse(null));
                }
                String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
                    return new Download(null, type);
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                return new Download(bytes.length > maxBytes ? null : bytes, type);
            }
        } catch (IOException e) {
            throw new MatrixException(0, null, "media download failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatrixException(0, null, "interrupted", null);
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (hasAccessToken()) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private HttpRequest.BodyPublisher bodyOf(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    private JsonNode call(HttpRequest.Builder builder, boolean authenticated) {
        return call(builder, "application/json", authenticated);
    }

    private JsonNode call(HttpRequest.Builder builder, String contentType, boolean authenticated) {
        if (authenticated && !hasAccessToken()) {
            throw new MatrixException(401, "M_MISSING_TOKEN", "not logged in", null);
        }
        HttpRequest request = builder.header("Content-Type", contentType).build();
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> call =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        inFlight.add(call);
        try {
            response = call.get();
        } catch (ExecutionException | CancellationException e) {
            throw new MatrixException(0, null, request.method() + " " + request.uri().getPath() + " failed: "
                    + (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatrixException(0, null, "interrupted", null);
        } finally {
            inFlight.remove(call);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new MatrixException(502, null, "answer is no JSON", null);
        }
    }

    /** Reads errcode, error and the wait of a rate limit: the Retry-After header, else the older retry_after_ms. */
    private MatrixException failure(int status, String body, String retryAfterHeader) {
        String errcode = null;
        String error = "HTTP " + status;
        Duration retryAfter = null;
        try {
            JsonNode node = json.readTree(body);
            errcode = node.path("errcode").isString() ? node.path("errcode").asString() : null;
            error = node.path("error").isString() ? node.path("error").asString() : error;
            if (node.path("retry_after_ms").canConvertToLong()) {
                retryAfter = Duration.ofMillis(node.path("retry_after_ms").asLong());
            }
        } catch (JacksonException e) {
            // an HTML error page of a proxy: status only
        }
        if (retryAfterHeader != null && retryAfterHeader.strip().matches("[0-9]{1,6}")) {
            retryAfter = Duration.ofSeconds(Long.parseLong(retryAfterHeader.strip()));
        }
        return new MatrixException(status, errcode, error, retryAfter);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
