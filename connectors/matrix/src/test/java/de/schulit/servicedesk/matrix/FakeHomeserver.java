package de.schulit.servicedesk.matrix;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Matrix homeserver for tests: a real HTTP server on 127.0.0.1 with the Client-Server API's JSON shapes for
 * what the bot uses. Login and whoami; /sync with since tokens ({@code s<position>}), long polling up to the timeout,
 * the timeline filter's types, invites, a per-room timeline limit with {@code limited} and {@code prev_batch};
 * /messages backwards; join and leave; sending with transaction ids that are idempotent per access token (the same
 * txnId returns the same event id); state (power levels, encryption); thread relations; media upload and the
 * authenticated download. Failures are scripted: 429 {@code M_LIMIT_EXCEEDED} with a Retry-After header or with the
 * older {@code retry_after_ms}, a 500, and a send that takes effect while its answer is lost.
 */
public final class FakeHomeserver implements AutoCloseable {

    public static final String SERVER = "fake.example";
    public static final String BOT = "@servicedesk:" + SERVER;
    public static final String TOKEN = "syt_fake_bot_token_0123456789";
    public static final String PASSWORD = "bot-password";

    public enum Failure { RATE_LIMIT_HEADER, RATE_LIMIT_BODY, SERVER_ERROR, DROP_AFTER_DELIVERY }

    private static final Pattern SEND = Pattern.compile("/_matrix/client/v3/rooms/([^/]+)/send/([^/]+)/([^/]+)");
    private static final Pattern STATE = Pattern.compile("/_matrix/client/v3/rooms/([^/]+)/state/([^/]+)/?([^/]*)");
    private static final Pattern MESSAGES = Pattern.compile("/_matrix/client/v3/rooms/([^/]+)/messages");
    private static final Pattern RELATIONS = Pattern.compile("/_matrix/client/v1/rooms/([^/]+)/relations/([^/]+)/m\\.thread");
    private static final Pattern JOIN = Pattern.compile("/_matrix/client/v3/join/([^/]+)");
    private static final Pattern LEAVE = Pattern.compile("/_matrix/client/v3/rooms/([^/]+)/leave");
    private static final Pattern DOWNLOAD = Pattern.compile("/_matrix/client/v1/media/download/([^/]+)/([^/]+)");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-homeserver");
        thread.setDaemon(true);
        return thread;
    });

    private final Object lock = new Object();
    private final List<Stored> events = new ArrayList<>();
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<String, String> transactions = new HashMap<>();
    private final Map<String, byte[]> media = new HashMap<>();
    private final Map<String, String> mediaTypes = new HashMap<>();
    private final Deque<Failure> sendFailures = new ArrayDeque<>();
    private final Deque<Failure> syncFailures = new ArrayDeque<>();
    private final List<String> sinceTokens = new ArrayList<>();
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private long position;
    private int timelineLimit = 10;

    private record Stored(long position, String roomId, ObjectNode event) {
    }

    private static final class Room {
        final String id;
        final Set<String> joined = new HashSet<>();
        final Map<String, Integer> powerLevels = new HashMap<>();
        String inviter;
        long invitedAt;
        long botJoinedAt = -1;
        boolean declined;
        boolean encrypted;

        Room(String id) {
            this.id = id;
        }
    }

    public FakeHomeserver() {
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
        server.stop(0);
        executor.shutdownNow();
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    // --- the test's side --------------------------------------------------------------------------------------------

    /** A user opens a direct chat and invites the bot; returns the room id. */
    public String createDirectRoom(String userId) {
        synchronized (lock) {
            Room room = newRoom();
            room.joined.add(userId);
            append(room.id, userId, "m.room.member", userId, json.createObjectNode().put("membership", "join"));
            room.inviter = userId;
            room.invitedAt = ++position;
            lock.notifyAll();
            return room.id;
        }
    }

    /** A room the bot is already in, with the given members and power levels (the bot has 100). */
    public String createJoinedRoom(Map<String, Integer> powerLevels) {
        synchronized (lock) {
            Room room = newRoom();
            room.joined.add(BOT);
            room.joined.addAll(powerLevels.keySet());
            room.powerLevels.putAll(powerLevels);
            room.powerLevels.put(BOT, 100);
            room.botJoinedAt = position;
            return room.id;
        }
    }

    public void setPowerLevel(String roomId, String userId, int level) {
        synchronized (lock) {
            room(roomId).powerLevels.put(userId, level);
        }
    }

    /** A member switches encryption on (the m.room.encryption state event). */
    public void encrypt(String roomId, String userId) {
        synchronized (lock) {
            room(roomId).encrypted = true;
            append(roomId, userId, "m.room.encryption", "",
                    json.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2"));
        }
    }

    /** An end-to-end encrypted message the bot cannot read. */
    public String userSendsEncrypted(String roomId, String userId) {
        synchronized (lock) {
            ObjectNode content = json.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2")
                    .put("ciphertext", "AwgAEnACgAkLmt6qF84IK++J7UDH2Za1YVchHyprqTqsg").put("session_id", "x");
            return append(roomId, userId, "m.room.encrypted", null, content);
        }
    }

    public String userSends(String roomId, String userId, String text) {
        synchronized (lock) {
            return append(roomId, userId, "m.room.message", null,
                    json.createObjectNode().put("msgtype", "m.text").put("body", text));
        }
    }

    /** An event of any type with any content (JSON of any shape), as a broken or hostile client may send it. */
    public String userSendsRaw(String roomId, String userId, String type, String contentJson) {
        synchronized (lock) {
            return append(roomId, userId, type, null, json.readTree(contentJson));
        }
    }

    /** A message in the thread of a root event. */
    public String userSendsInThread(String roomId, String userId, String rootEventId, String text) {
        synchronized (lock) {
            ObjectNode content = json.createObjectNode().put("msgtype", "m.text").put("body", text);
            ObjectNode relation = content.putObject("m.relates_to");
            relation.put("rel_type", "m.thread").put("event_id", rootEventId).put("is_falling_back", true);
            relation.putObject("m.in_reply_to").put("event_id", rootEventId);
            return append(roomId, userId, "m.room.message", null, content);
        }
    }

    /** Uploads the file and sends it as m.image or m.file. */
    public String userSendsFile(String roomId, String userId, String msgtype, String fileName, String mimeType,
                                byte[] content) {
        synchronized (lock) {
            String mxc = upload(content, mimeType);
            ObjectNode body = json.createObjectNode().put("msgtype", msgtype).put("body", fileName).put("url", mxc);
            body.putObject("info").put("mimetype", mimeType).put("size", content.length);
            return append(roomId, userId, "m.room.message", null, body);
        }
    }

    /** Events the bot sent into the room, oldest first. */
    public List<JsonNode> botMessages(String roomId) {
        synchronized (lock) {
            List<JsonNode> sent = new ArrayList<>();
            for (Stored stored : events) {
                if (stored.roomId.equals(roomId) && stored.event.path("sender").asString().equals(BOT)
                        && stored.event.path("type").asString().equals("m.room.message")) {
                    sent.add(stored.event.deepCopy());
                }
            }
            return sent;
        }
    }

    /** The messages in a root event's thread, oldest first. */
    public List<JsonNode> thread(String roomId, String rootEventId) {
        synchronized (lock) {
            List<JsonNode> thread = new ArrayList<>();
            for (Stored stored : events) {
                JsonNode relation = stored.event.path("content").path("m.relates_to");
                if (stored.roomId.equals(roomId) && relation.path("rel_type").asString("").equals("m.thread")
                        && relation.path("event_id").asString("").equals(rootEventId)) {
                    thread.add(stored.event.deepCopy());
                }
            }
            return thread;
        }
    }

    /** The bytes of an uploaded file, or null. */
    public byte[] media(String mxcUri) {
        synchronized (lock) {
            return media.get(mxcUri.substring(mxcUri.lastIndexOf('/') + 1));
        }
    }

    public boolean botJoined(String roomId) {
        synchronized (lock) {
            return room(roomId).joined.contains(BOT);
        }
    }

    public boolean botDeclined(String roomId) {
        synchronized (lock) {
            return room(roomId).declined;
        }
    }

    /** The next sends fail like this, one failure per request. */
    public void failSends(Failure... failures) {
        synchronized (lock) {
            sendFailures.addAll(List.of(failures));
        }
    }

    public void failSyncs(Failure... failures) {
        synchronized (lock) {
            syncFailures.addAll(List.of(failures));
        }
    }

    /** How many events a sync shows per room before it says limited (Synapse: 10 by default). */
    public void timelineLimit(int limit) {
        synchronized (lock) {
            timelineLimit = limit;
        }
    }

    public int sendRequests() {
        return sendRequests.get();
    }

    /** The since parameter of every sync, in order (null for an initial sync). */
    public List<String> sinceTokens() {
        synchronized (lock) {
            return new ArrayList<>(sinceTokens);
        }
    }

    // --- the bot's side ---------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/_matrix/client/v3/login") && exchange.getRequestMethod().equals("POST")) {
                login(exchange);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                error(exchange, 401, "M_MISSING_TOKEN", "Missing access token", null, null);
                return;
            }
            if (!auth.equals("Bearer " + TOKEN)) {
                error(exchange, 401, "M_UNKNOWN_TOKEN", "Unknown access token", null, null);
                return;
            }
            Matcher m;
            if (path.equals("/_matrix/client/v3/account/whoami")) {
                ok(exchange, json.createObjectNode().put("user_id", BOT).put("device_id", "SERVICEDESKBOT"));
            } else if (path.equals("/_matrix/client/v3/sync")) {
                sync(exchange, query);
            } else if ((m = SEND.matcher(path)).matches() && exchange.getRequestMethod().equals("PUT")) {
                send(exchange, decode(m.group(1)), decode(m.group(2)), decode(m.group(3)));
            } else if ((m = JOIN.matcher(path)).matches()) {
                join(exchange, decode(m.group(1)));
            } else if ((m = LEAVE.matcher(path)).matches()) {
                leave(exchange, decode(m.group(1)));
            } else if ((m = STATE.matcher(path)).matches()) {
                state(exchange, decode(m.group(1)), decode(m.group(2)));
            } else if ((m = MESSAGES.matcher(path)).matches()) {
                messages(exchange, decode(m.group(1)), query);
            } else if ((m = RELATIONS.matcher(path)).matches()) {
                ArrayNode chunk = json.createArrayNode();
                thread(decode(m.group(1)), decode(m.group(2))).forEach(chunk::add);
                ObjectNode answer = json.createObjectNode();
                answer.set("chunk", chunk);
                ok(exchange, answer);
            } else if (path.equals("/_matrix/media/v3/upload") && exchange.getRequestMethod().equals("POST")) {
                byte[] content = exchange.getRequestBody().readAllBytes();
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                String uri;
                synchronized (lock) {
                    uri = upload(content, type == null ? "application/octet-stream" : type);
                }
                ok(exchange, json.createObjectNode().put("content_uri", uri));
            } else if ((m = DOWNLOAD.matcher(path)).matches()) {
                download(exchange, decode(m.group(1)), decode(m.group(2)));
            } else {
                error(exchange, 404, "M_UNRECOGNIZED", "Unrecognized request", null, null);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "M_UNKNOWN", "Internal server error: " + e, null, null);
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String user = body.path("identifier").path("user").asString("");
        if ((user.equals(BOT) || user.equals("servicedesk")) && body.path("password").asString("").equals(PASSWORD)) {
            ok(exchange, json.createObjectNode().put("user_id", BOT).put("access_token", TOKEN)
                    .put("device_id", body.path("device_id").asString("NEWDEVICE")));
        } else {
            error(exchange, 403, "M_FORBIDDEN", "Invalid username or password", null, null);
        }
    }

    private void sync(HttpExchange exchange, Map<String, String> query) throws IOException {
        String since = query.get("since");
        long timeout = Long.parseLong(query.getOrDefault("timeout", "0"));
        Set<String> types = timelineTypes(query.get("filter"));
        Failure failure;
        synchronized (lock) {
            sinceTokens.add(since);
            failure = syncFailures.poll();
        }
        if (failure != null) {
            fail(exchange, failure);
            return;
        }
        long from = since == null ? -1 : Long.parseLong(since.substring(1));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        ObjectNode answer;
        synchronized (lock) {
            while (!hasNews(from, types) && System.nanoTime() < deadline && !executor.isShutdown()) {
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    return;
                }
            }
            answer = syncAnswer(from, types);
        }
        ok(exchange, answer);
    }

    private boolean hasNews(long from, Set<String> types) {
        for (Room room : rooms.values()) {
            if (room.inviter != null && room.botJoinedAt < 0 && !room.declined && room.invitedAt > from) {
                return true;
            }
        }
        for (Stored stored : events) {
            Room room = rooms.get(stored.roomId);
            if (stored.position > from && room.joined.contains(BOT) && types.contains(stored.event.path("type").asString())) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode syncAnswer(long from, Set<String> types) {
        ObjectNode answer = json.createObjectNode();
        answer.put("next_batch", "s" + position);
        ObjectNode join = answer.putObject("rooms").putObject("join");
        ObjectNode invite = ((ObjectNode) answer.get("rooms")).putObject("invite");
        ((ObjectNode) answer.get("rooms")).putObject("leave");
        for (Room room : rooms.values()) {
            if (room.inviter != null && room.botJoinedAt < 0 && !room.declined && room.invitedAt > from) {
                ArrayNode state = invite.putObject(room.id).putObject("invite_state").putArray("events");
                state.addObject().put("type", "m.room.member").put("state_key", BOT).put("sender", room.inviter)
                        .putObject("content").put("membership", "invite");
                state.addObject().put("type", "m.room.create").put("state_key", "").put("sender", room.inviter)
                        .putObject("content").put("room_version", "10");
            }
            if (!room.joined.contains(BOT)) {
                continue;
            }
            boolean newlyJoined = room.botJoinedAt > from;
            List<ObjectNode> timeline = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            ArrayNode state = json.createArrayNode();
            for (Stored stored : events) {
                if (!stored.roomId.equals(room.id)) {
                    continue;
                }
                boolean isState = stored.event.has("state_key");
                if (newlyJoined && isState && stored.position <= from
                        && stored.event.path("type").asString().equals("m.room.encryption")) {
                    state.add(stored.event.deepCopy());
                }
                if (stored.position > from && types.contains(stored.event.path("type").asString())) {
                    timeline.add(stored.event.deepCopy());
                    positions.add(stored.position);
                }
            }
            if (timeline.isEmpty() && state.isEmpty() && !newlyJoined) {
                continue;
            }
            ObjectNode roomNode = join.putObject(room.id);
            roomNode.putObject("state").set("events", state);
            ObjectNode timelineNode = roomNode.putObject("timeline");
            boolean limited = timeline.size() > timelineLimit;
            int first = limited ? timeline.size() - timelineLimit : 0;
            ArrayNode shown = timelineNode.putArray("events");
            timeline.subList(first, timeline.size()).forEach(shown::add);
            timelineNode.put("limited", limited);
            timelineNode.put("prev_batch", "s" + (positions.isEmpty() ? from : positions.get(first) - 1));
        }
        return answer;
    }

    private void messages(HttpExchange exchange, String roomId, Map<String, String> query) throws IOException {
        long from = Long.parseLong(query.get("from").substring(1));
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        Set<String> types = eventTypes(query.get("filter"));
        ObjectNode answer = json.createObjectNode();
        synchronized (lock) {
            ArrayNode chunk = answer.putArray("chunk");
            long last = -1;
            boolean more = false;
            for (int i = events.size() - 1; i >= 0; i--) {
                Stored stored = events.get(i);
                if (!stored.roomId.equals(roomId) || stored.position > from
                        || !types.contains(stored.event.path("type").asString())) {
                    continue;
                }
                if (chunk.size() == limit) {
                    more = true;
                    break;
                }
                chunk.add(stored.event.deepCopy());
                last = stored.position;
            }
            answer.put("start", "s" + from);
            if (more) {
                answer.put("end", "s" + (last - 1));
            }
        }
        ok(exchange, answer);
    }

    private void send(HttpExchange exchange, String roomId, String type, String txnId) throws IOException {
        sendRequests.incrementAndGet();
        JsonNode content = json.readTree(exchange.getRequestBody().readAllBytes());
        Failure failure;
        String eventId;
        synchronized (lock) {
            failure = sendFailures.poll();
            if (failure != null && failure != Failure.DROP_AFTER_DELIVERY) {
                fail(exchange, failure);
                return;
            }
            Room room = rooms.get(roomId);
            if (room == null || !room.joined.contains(BOT)) {
                error(exchange, 403, "M_FORBIDDEN", "User not in room", null, null);
                return;
            }
            eventId = transactions.get(TOKEN + "|" + txnId);
            if (eventId == null) {
                eventId = append(roomId, BOT, type, null, (ObjectNode) content);
                transactions.put(TOKEN + "|" + txnId, eventId);
            }
        }
        if (failure == Failure.DROP_AFTER_DELIVERY) {
            exchange.getResponseBody().close(); // took effect, the answer is lost
            return;
        }
        ok(exchange, json.createObjectNode().put("event_id", eventId));
    }

    private void join(HttpExchange exchange, String roomId) throws IOException {
        synchronized (lock) {
            Room room = rooms.get(roomId);
            if (room == null) {
                error(exchange, 404, "M_NOT_FOUND", "No such room", null, null);
                return;
            }
            room.joined.add(BOT);
            append(roomId, BOT, "m.room.member", BOT, json.createObjectNode().put("membership", "join"));
            room.botJoinedAt = position;
            lock.notifyAll();
        }
        ok(exchange, json.createObjectNode().put("room_id", roomId));
    }

    private void leave(HttpExchange exchange, String roomId) throws IOException {
        synchronized (lock) {
            Room room = rooms.get(roomId);
            if (room != null) {
                room.declined = true;
                room.joined.remove(BOT);
            }
        }
        ok(exchange, json.createObjectNode());
    }

    private void state(HttpExchange exchange, String roomId, String type) throws IOException {
        synchronized (lock) {
            Room room = rooms.get(roomId);
            if (room == null || !room.joined.contains(BOT)) {
                error(exchange, 403, "M_FORBIDDEN", "User not in room", null, null);
                return;
            }
            if (type.equals("m.room.power_levels")) {
                ObjectNode levels = json.createObjectNode().put("users_default", 0);
                ObjectNode users = levels.putObject("users");
                room.powerLevels.forEach(users::put);
                ok(exchange, levels);
            } else if (type.equals("m.room.encryption") && room.encrypted) {
                ok(exchange, json.createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2"));
            } else {
                error(exchange, 404, "M_NOT_FOUND", "Event not found", null, null);
            }
        }
    }

    private void download(HttpExchange exchange, String server, String mediaId) throws IOException {
        byte[] content;
        String type;
        synchronized (lock) {
            content = server.equals(SERVER) ? media.get(mediaId) : null;
            type = mediaTypes.get(mediaId);
        }
        if (content == null) {
            error(exchange, 404, "M_NOT_FOUND", "Not found", null, null);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private Room newRoom() {
        Room room = new Room("!room" + counter.incrementAndGet() + ":" + SERVER);
        rooms.put(room.id, room);
        return room;
    }

    private Room room(String roomId) {
        Room room = rooms.get(roomId);
        if (room == null) {
            throw new IllegalArgumentException("no room " + roomId);
        }
        return room;
    }

    private String upload(byte[] content, String mimeType) {
        String id = "media" + counter.incrementAndGet();
        media.put(id, content);
        mediaTypes.put(id, mimeType);
        return "mxc://" + SERVER + "/" + id;
    }

    private String append(String roomId, String sender, String type, String stateKey, JsonNode content) {
        String eventId = "$event" + counter.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
        ObjectNode event = json.createObjectNode();
        event.put("event_id", eventId).put("type", type).put("sender", sender)
                .put("origin_server_ts", System.currentTimeMillis()).put("room_id", roomId);
        if (stateKey != null) {
            event.put("state_key", stateKey);
        }
        event.set("content", content);
        event.putObject("unsigned").put("age", 0);
        events.add(new Stored(++position, roomId, event));
        lock.notifyAll();
        return eventId;
    }

    private Set<String> timelineTypes(String filter) {
        if (filter == null) {
            return Set.of("m.room.message", "m.room.encrypted", "m.room.encryption", "m.room.member");
        }
        return typesOf(json.readTree(filter).path("room").path("timeline"));
    }

    private Set<String> eventTypes(String filter) {
        if (filter == null) {
            return Set.of("m.room.message", "m.room.encrypted", "m.room.encryption", "m.room.member");
        }
        return typesOf(json.readTree(filter));
    }

    private static Set<String> typesOf(JsonNode filter) {
        Set<String> types = new HashSet<>();
        filter.path("types").forEach(t -> types.add(t.asString()));
        return types.isEmpty() ? Set.of("m.room.message", "m.room.encrypted", "m.room.encryption", "m.room.member") : types;
    }

    private void fail(HttpExchange exchange, Failure failure) throws IOException {
        switch (failure) {
            case RATE_LIMIT_HEADER -> error(exchange, 429, "M_LIMIT_EXCEEDED", "Too many requests", "1", null);
            case RATE_LIMIT_BODY -> error(exchange, 429, "M_LIMIT_EXCEEDED", "Too many requests", null, 300L);
            case SERVER_ERROR, DROP_AFTER_DELIVERY -> error(exchange, 500, "M_UNKNOWN", "Internal server error", null, null);
        }
    }

    private void error(HttpExchange exchange, int status, String errcode, String message, String retryAfter,
                       Long retryAfterMs) throws IOException {
        ObjectNode body = json.createObjectNode().put("errcode", errcode).put("error", message);
        if (retryAfterMs != null) {
            body.put("retry_after_ms", retryAfterMs);
        }
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        respond(exchange, status, body);
    }

    private void ok(HttpExchange exchange, JsonNode body) throws IOException {
        respond(exchange, 200, body);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return query;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
