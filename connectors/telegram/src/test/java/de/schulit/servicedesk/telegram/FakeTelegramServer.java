package de.schulit.servicedesk.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A protocol-faithful fake of the Telegram Bot API for tests: a real HTTP server on 127.0.0.1 answering
 * {@code /bot<token>/<method>} with Telegram's JSON shapes ({@code {"ok":true,"result":...}} or
 * {@code {"ok":false,"error_code":...,"description":...,"parameters":{...}}}), reading JSON, form and multipart
 * requests like Telegram does. getUpdates has offset semantics (updates below the offset are confirmed and dropped)
 * and long-polls up to its timeout. Sent messages, answered callbacks, edited keyboards, commands and the webhook are
 * recorded. Failures can be scripted per method: 429 with retry_after, 502 with an HTML page, a 500, a dropped
 * connection (before or after the message counts as delivered).
 */
public final class FakeTelegramServer implements AutoCloseable {

    public static final String TOKEN = "123456789:TEST-token_for-the-fake-bot-api-server";
    public static final long BOT_ID = 123456789L;

    /**
     * Scripted answers. {@code NONE} answers normally (to script a later call); {@code HOLD_AFTER_DELIVERY} lets the
     * call take effect and keeps the answer back until {@link #releaseHeld()}, e.g. while the test kills the bot.
     */
    public enum Failure {
        NONE, BAD_REQUEST, TOO_MANY_REQUESTS, BAD_GATEWAY_HTML, INTERNAL_ERROR, DROP_CONNECTION, DROP_AFTER_DELIVERY,
        HOLD_AFTER_DELIVERY
    }

    /** A message the bot sent: chat, text, parse_mode (null for plain text), the inline keyboard as JSON or null. */
    public record Sent(long chatId, int messageId, String text, String parseMode, JsonNode replyMarkup) {

        /** The callback_data of every button, in order. */
        public List<String> buttons() {
            List<String> data = new ArrayList<>();
            if (replyMarkup != null) {
                replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
            }
            return data;
        }
    }

    public record Edited(long chatId, int messageId, JsonNode replyMarkup) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOT_PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern FILE_PATH = Pattern.compile("/file/bot([^/]+)/(.+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-telegram");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<Edited> edited = new ArrayList<>();
    private final List<String> answeredCallbacks = new ArrayList<>();
    private final List<JsonNode> commands = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, String> filePaths = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final java.util.Set<String> hiddenSizes = new java.util.HashSet<>();
    private final Map<Long, Integer> messageIds = new HashMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(100_000);
    private final AtomicInteger callbackIds = new AtomicInteger(1);
    private volatile Map<String, String> webhook;
    private volatile JsonNode lastAllowedUpdates;
    private volatile long confirmedOffset;
    private final java.util.concurrent.CountDownLatch releaseHeld = new java.util.concurrent.CountDownLatch(1);
    private final AtomicInteger heldCalls = new AtomicInteger();

    public FakeTelegramServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        releaseHeld.countDown();
        synchronized (lock) {
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // --- what users do -----------------------------------------------------------------------------------------

    /** A private text message from the user whose private chat id equals their user id; returns the update_id. */
    public int userSends(long chatId, String text) {
        ObjectNode message = message(chatId, "private", chatId);
        message.put("text", text);
        if (text.startsWith("/")) {
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", text.split(" ")[0].length());
        }
        return enqueue("message", message);
    }

    /** A photo in three sizes; the largest one has the given bytes. */
    public int userSendsPhoto(long chatId, byte[] largest, String caption) {
        String unique = "ph" + nextUpdateId.get();
        ObjectNode message = message(chatId, "private", chatId);
        ArrayNode photo = message.putArray("photo");
        int[][] sizes = {{90, 67}, {320, 240}, {1280, 960}};
        for (int i = 0; i < sizes.length; i++) {
            String fileId = "photo-" + unique + "-" + i;
            byte[] bytes = i == 2 ? largest : new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0};
            addFile(fileId, "photos/file_" + unique + "_" + i + ".jpg", bytes);
            photo.addObject().put("file_id", fileId).put("file_unique_id", unique + i)
                    .put("width", sizes[i][0]).put("height", sizes[i][1]).put("file_size", bytes.length);
        }
        if (caption != null) {
            message.put("caption", caption);
        }
        return enqueue("message", message);
    }

    public int userSendsDocument(long chatId, String fileName, String mimeType, byte[] content, Long declaredSize) {
        String fileId = "doc-" + nextUpdateId.get();
        addFile(fileId, "documents/" + fileName, content);
        ObjectNode message = message(chatId, "private", chatId);
        ObjectNode document = message.putObject("document").put("file_id", fileId).put("file_unique_id", fileId + "u")
                .put("file_name", fileName).put("mime_type", mimeType);
        document.put("file_size", declaredSize != null ? declaredSize : content.length);
        return enqueue("message", message);
    }

    public int userSendsSticker(long chatId) {
        ObjectNode message = message(chatId, "private", chatId);
        message.putObject("sticker").put("file_id", "st").put("file_unique_id", "stu").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return enqueue("message", message);
    }

    /** A user presses a button of a message the bot sent. */
    public int userPresses(Sent message, String callbackData) {
        ObjectNode query = JSON.createObjectNode();
        query.put("id", "cb" + callbackIds.getAndIncrement());
        query.set("from", user(message.chatId()));
        ObjectNode original = JSON.createObjectNode();
        original.put("message_id", message.messageId()).put("date", Instant.now().getEpochSecond());
        original.set("from", JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Servicedesk"));
        original.set("chat", chat(message.chatId(), "private"));
        original.put("text", message.text());
        if (message.replyMarkup() != null) {
            original.set("reply_markup", message.replyMarkup());
        }
        query.set("message", original);
        query.put("chat_instance", "ci" + message.chatId());
        query.put("data", callbackData);
        return enqueue("callback_query", query);
    }

    /** A message in a group chat (negative id) from a user. */
    public int groupMessage(long groupChatId, long fromUserId, String text) {
        ObjectNode message = message(groupChatId, "group", fromUserId);
        message.put("text", text);
        return enqueue("message", message);
    }

    /** The JSON of a new update without queueing it (for the webhook, which the test posts itself). */
    public static String textUpdateJson(int updateId, long chatId, String text) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        ObjectNode message = messageJson(chatId, "private", chatId, 1);
        message.put("text", text);
        update.set("message", message);
        return update.toString();
    }

    /** The JSON of a queued update, as Telegram would post it to a webhook. */
    public String updateJson(int updateId) {
        synchronized (lock) {
            return updates.stream().filter(u -> u.get("update_id").asInt() == updateId).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no update " + updateId)).toString();
        }
    }

    private int enqueue(String type, ObjectNode payload) {
        int id = nextUpdateId.getAndIncrement();
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", id);
        update.set(type, payload);
        synchronized (lock) {
            updates.add(update);
            lock.notifyAll();
        }
        return id;
    }

    private ObjectNode message(long chatId, String type, long fromId) {
        int messageId;
        synchronized (lock) {
            messageId = messageIds.merge(chatId, 1, Integer::sum);
        }
        return messageJson(chatId, type, fromId, messageId);
    }

    private static ObjectNode messageJson(long chatId, String type, long fromId, int messageId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", user(fromId));
        message.set("chat", chat(chatId, type));
        message.put("date", Instant.now().getEpochSecond());
        return message;
    }

    private static ObjectNode user(long id) {
        return JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "Anna")
                .put("last_name", "Schmidt").put("language_code", "de");
    }

    private static ObjectNode chat(long id, String type) {
        ObjectNode chat = JSON.createObjectNode().put("id", id).put("type", type);
        if (type.equals("private")) {
            chat.put("first_name", "Anna").put("last_name", "Schmidt");
        } else {
            chat.put("title", "Kollegium");
        }
        return chat;
    }

    public void addFile(String fileId, String path, byte[] content) {
        synchronized (lock) {
            filePaths.put(fileId, path);
            files.put(path, content);
        }
    }

    /** The file at this path is gone from the file server: getFile still names it, the download answers 404. */
    public void fileGone(String path) {
        synchronized (lock) {
            files.remove(path);
        }
    }

    /**
     * getFile leaves out the (optional) file_size of the file at this path, and its download has no Content-Length
     * (chunked): the bot learns the real size only while reading it.
     */
    public void hideFileSize(String path) {
        synchronized (lock) {
            hiddenSizes.add(path);
        }
    }

    // --- scripting and inspection ------------------------------------------------------------------------------

    /** Every scripted failure not used yet is dropped: Telegram works again. */
    public void clearFailures() {
        synchronized (lock) {
            failures.clear();
        }
    }

    /** Takes the next update_id without queueing an update, for one the test hands to the bot itself. */
    public int nextUpdateId() {
        return nextUpdateId.getAndIncrement();
    }

    /** How many calls are being held back ({@link Failure#HOLD_AFTER_DELIVERY}) or were. */
    public int heldCalls() {
        return heldCalls.get();
    }

    /** Held calls end without an answer, as if the connection dropped. */
    public void releaseHeld() {
        releaseHeld.countDown();
    }

    /** The next calls of the method fail in this order, then it works again. */
    public void failNext(String method, Failure... next) {
        synchronized (lock) {
            failures.computeIfAbsent(canonical(method), m -> new ArrayDeque<>()).addAll(List.of(next));
        }
    }

    public List<Sent> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    public List<Sent> sentTo(long chatId) {
        return sent().stream().filter(s -> s.chatId() == chatId).toList();
    }

    public List<Edited> edited() {
        synchronized (lock) {
            return List.copyOf(edited);
        }
    }

    public List<String> answeredCallbacks() {
        synchronized (lock) {
            return List.copyOf(answeredCallbacks);
        }
    }

    public List<JsonNode> commands() {
        synchronized (lock) {
            return List.copyOf(commands);
        }
    }

    /** Every method called, in order (file downloads as "file"). */
    public List<String> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public Map<String, String> webhook() {
        return webhook;
    }

    public JsonNode lastAllowedUpdates() {
        return lastAllowedUpdates;
    }

    /** The highest offset a getUpdates sent: every update below it is confirmed. */
    public long confirmedOffset() {
        return confirmedOffset;
    }

    // --- the protocol ------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher file = FILE_PATH.matcher(path);
            if (file.matches()) {
                download(exchange, file.group(1), URLDecoder.decode(file.group(2), StandardCharsets.UTF_8));
                return;
            }
            Matcher bot = BOT_PATH.matcher(path);
            if (!bot.matches()) {
                error(exchange, 404, "Not Found", null);
                return;
            }
            if (!bot.group(1).equals(TOKEN)) {
                error(exchange, 401, "Unauthorized", null);
                return;
            }
            String method = canonical(bot.group(2)); // Telegram ignores the case of method names (the library sends "sendmessage")
            Map<String, JsonNode> params = params(exchange);
            Failure failure;
            synchronized (lock) {
                calls.add(method);
                Deque<Failure> scripted = failures.get(method);
                failure = scripted == null ? null : scripted.poll();
            }
            if (failure == Failure.NONE) {
                failure = null;
            }
            if (failure != null && failure != Failure.DROP_AFTER_DELIVERY && failure != Failure.HOLD_AFTER_DELIVERY) {
                fail(exchange, failure);
                return;
            }
            JsonNode result = call(method, params);
            if (result == null) {
                error(exchange, 404, "Not Found: method not found", null);
                return;
            }
            if (result instanceof ObjectNode error && error.has("__error")) {
                error(exchange, error.get("__error").asInt(), error.get("description").asText(), null);
                return;
            }
            if (failure == Failure.HOLD_AFTER_DELIVERY) {
                heldCalls.incrementAndGet();
                releaseHeld.await();
            }
            if (failure == Failure.DROP_AFTER_DELIVERY || failure == Failure.HOLD_AFTER_DELIVERY) {
                exchange.getResponseBody().close(); // the call took effect, the answer is lost
                return;
            }
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            ok.set("result", result);
            write(exchange, 200, "application/json", ok.toString().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static final List<String> METHODS = List.of("getMe", "deleteWebhook", "setWebhook", "setMyCommands",
            "getUpdates", "sendMessage", "answerCallbackQuery", "editMessageReplyMarkup", "getFile");

    private static String canonical(String method) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private JsonNode call(String method, Map<String, JsonNode> p) {
        switch (method) {
            case "getMe":
                return JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Servicedesk")
                        .put("username", "SchulITServicedeskBot");
            case "deleteWebhook":
                webhook = null;
                return JSON.getNodeFactory().booleanNode(true);
            case "setWebhook": {
                Map<String, String> hook = new LinkedHashMap<>();
                p.forEach((k, v) -> hook.put(k, v.isTextual() ? v.asText() : v.toString()));
                webhook = hook;
                return JSON.getNodeFactory().booleanNode(true);
            }
            case "setMyCommands":
                synchronized (lock) {
                    ObjectNode c = JSON.createObjectNode();
                    p.forEach(c::set);
                    commands.add(c);
                }
                return JSON.getNodeFactory().booleanNode(true);
            case "getUpdates":
                return getUpdates(p);
            case "sendMessage":
                return sendMessage(p);
            case "answerCallbackQuery":
                synchronized (lock) {
                    answeredCallbacks.add(text(p, "callback_query_id"));
                }
                return JSON.getNodeFactory().booleanNode(true);
            case "editMessageReplyMarkup": {
                long chatId = Long.parseLong(text(p, "chat_id"));
                int messageId = Integer.parseInt(text(p, "message_id"));
                synchronized (lock) {
                    edited.add(new Edited(chatId, messageId, markup(p.get("reply_markup"))));
                }
                ObjectNode message = messageJson(chatId, "private", BOT_ID, messageId);
                message.put("text", "…");
                return message;
            }
            case "getFile": {
                String fileId = text(p, "file_id");
                synchronized (lock) {
                    String path = filePaths.get(fileId);
                    if (path == null) {
                        return JSON.createObjectNode().put("__error", 400).put("description", "Bad Request: invalid file_id");
                    }
                    ObjectNode file = JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", fileId + "u");
                    if (files.containsKey(path) && !hiddenSizes.contains(path)) {
                        file.put("file_size", files.get(path).length);
                    }
                    return file.put("file_path", path);
                }
            }
            default:
                return null;
        }
    }

    private JsonNode getUpdates(Map<String, JsonNode> p) {
        long offset = p.containsKey("offset") ? Long.parseLong(text(p, "offset")) : 0;
        int limit = p.containsKey("limit") ? Integer.parseInt(text(p, "limit")) : 100;
        int timeout = p.containsKey("timeout") ? Integer.parseInt(text(p, "timeout")) : 0;
        if (p.containsKey("allowed_updates")) {
            lastAllowedUpdates = p.get("allowed_updates").isTextual() ? parse(p.get("allowed_updates").asText())
                    : p.get("allowed_updates");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        synchronized (lock) {
            if (offset > 0) {
                confirmedOffset = Math.max(confirmedOffset, offset);
                updates.removeIf(u -> u.get("update_id").asLong() < offset);
            }
            while (updates.isEmpty() && System.nanoTime() < deadline && !executor.isShutdown()) {
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    break;
                }
            }
            ArrayNode result = JSON.createArrayNode();
            updates.stream().limit(limit).forEach(result::add);
            return result;
        }
    }

    private JsonNode sendMessage(Map<String, JsonNode> p) {
        long chatId = Long.parseLong(text(p, "chat_id"));
        String text = text(p, "text");
        if (text == null || text.isEmpty() || text.length() > 4096) {
            return JSON.createObjectNode().put("__error", 400).put("description",
                    text == null || text.isEmpty() ? "Bad Request: message text is empty" : "Bad Request: message is too long");
        }
        JsonNode markup = markup(p.get("reply_markup"));
        if (markup != null) {
            for (JsonNode row : markup.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length > 64) {
                        return JSON.createObjectNode().put("__error", 400).put("description", "Bad Request: BUTTON_DATA_INVALID");
                    }
                }
            }
        }
        int messageId;
        synchronized (lock) {
            messageId = messageIds.merge(chatId, 1, Integer::sum);
            sent.add(new Sent(chatId, messageId, text, p.containsKey("parse_mode") ? text(p, "parse_mode") : null, markup));
        }
        ObjectNode message = messageJson(chatId, chatId < 0 ? "group" : "private", BOT_ID, messageId);
        message.with("from").put("is_bot", true);
        message.put("text", text);
        if (markup != null) {
            message.set("reply_markup", markup);
        }
        return message;
    }

    private void download(HttpExchange exchange, String token, String path) throws IOException {
        byte[] content;
        boolean chunked;
        synchronized (lock) {
            calls.add("file");
            content = token.equals(TOKEN) ? files.get(path) : null;
            chunked = hiddenSizes.contains(path);
        }
        if (content == null) {
            error(exchange, 404, "Not Found", null);
            return;
        }
        if (chunked) {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            } catch (IOException e) {
                // the bot stopped reading: it had enough
            }
            return;
        }
        write(exchange, 200, "application/octet-stream", content);
    }

    private void fail(HttpExchange exchange, Failure failure) throws IOException {
        switch (failure) {
            case TOO_MANY_REQUESTS -> error(exchange, 429, "Too Many Requests: retry after 1",
                    JSON.createObjectNode().put("retry_after", 1));
            case BAD_GATEWAY_HTML -> write(exchange, 502, "text/html",
                    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
            case INTERNAL_ERROR -> error(exchange, 500, "Internal Server Error", null);
            case BAD_REQUEST -> error(exchange, 400, "Bad Request: chat not found", null);
            default -> {
                // DROP_CONNECTION: close without an answer
            }
        }
    }

    private static void error(HttpExchange exchange, int code, String description, ObjectNode parameters) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        write(exchange, code, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, JsonNode> params(HttpExchange exchange) throws IOException {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query).forEach((k, v) -> params.put(k, JSON.getNodeFactory().textNode(v)));
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length == 0 || type == null) {
            return params;
        }
        if (type.startsWith("application/json")) {
            JsonNode json = JSON.readTree(body);
            json.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form(new String(body, StandardCharsets.UTF_8)).forEach((k, v) -> params.put(k, JSON.getNodeFactory().textNode(v)));
        } else if (type.startsWith("multipart/form-data")) {
            String boundary = type.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
            String content = new String(body, StandardCharsets.ISO_8859_1);
            for (String part : content.split("--" + Pattern.quote(boundary))) {
                int headerEnd = part.indexOf("\r\n\r\n");
                if (headerEnd < 0) {
                    continue;
                }
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part.substring(0, headerEnd));
                if (name.find()) {
                    String value = part.substring(headerEnd + 4);
                    if (value.endsWith("\r\n")) {
                        value = value.substring(0, value.length() - 2);
                    }
                    params.put(name.group(1), JSON.getNodeFactory().textNode(
                            new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)));
                }
            }
        }
        return params;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String text(Map<String, JsonNode> p, String key) {
        JsonNode value = p.get(key);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static JsonNode markup(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? parse(value.asText()) : value;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
