package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.WakeableWorker;
import de.schulit.servicedesk.privacy.LogIds;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The /sync loop, a component with explicit {@link #start()} and {@link #stop()} (only one instance may sync per bot
 * account). Each round: one long-polling sync with a filter, invites answered (joined when the inviter's homeserver
 * is allowed, else declined), a {@code limited} timeline completed with {@code /messages} back to the last known
 * event, and the new events stored together with the next since token in one transaction, so a crash can neither lose
 * nor double an event. The first sync of a fresh database only sets the token: history from before the bot is not
 * answered. Errors back off exponentially up to a minute; {@code M_LIMIT_EXCEEDED} waits as long as the server asks.
 */
final class MatrixSync {

    /** Only what the bot handles: room messages, encryption, nothing of presence, receipts or account data. */
    static final String FILTER = """
            {"presence":{"types":[]},"account_data":{"types":[]},\
            "room":{"ephemeral":{"types":[]},"account_data":{"types":[]},\
            "state":{"types":["m.room.encryption"]},\
            "timeline":{"types":["m.room.message","m.room.encrypted","m.room.encryption"],"limit":50}}}""";
    /** The same event types for paging back through a room with /messages (a RoomEventFilter). */
    private static final String FILTER_TIMELINE = "{\"types\":[\"m.room.message\",\"m.room.encrypted\",\"m.room.encryption\"]}";
    private static final Logger log = LoggerFactory.getLogger(MatrixSync.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final int GAP_PAGES = 10;
    /** Homeserver and app clocks may differ; the gap fill looks this much further back than the previous sync. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final int GAP_PAGE_SIZE = 100;

    private final MatrixProperties properties;
    private final MatrixClient client;
    private final MatrixStore store;
    private final Schools schools;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Runnable stored;
    private final JsonMapper json;
    private final ChannelMetrics metrics;
    private final WakeableWorker worker = new WakeableWorker("matrix-sync", Duration.ofSeconds(15), this::round);
    private int failures;
    private volatile boolean stopping;

    MatrixSync(MatrixProperties properties, MatrixClient client, MatrixStore store, Schools schools,
               TransactionTemplate transaction, Clock clock, Runnable stored, JsonMapper json, ChannelMetrics metrics) {
        this.properties = properties;
        this.client = client;
        this.store = store;
        this.schools = schools;
        this.transaction = transaction;
        this.clock = clock;
        this.stored = stored;
        this.json = json;
        this.metrics = metrics;
    }

    void start() {
        worker.start();
    }

    /** Ends the loop; a long poll in flight is aborted rather than waited for. */
    void stop() {
        stopping = true;
        client.abortCalls();
        worker.stop();
        stopping = false;
    }

    private WakeableWorker.Rest round() {
        try {
            syncOnce();
            metrics.contacted(MatrixInboundMapper.CHANNEL);
            failures = 0;
            return WakeableWorker.Rest.NONE;
        } catch (MatrixException e) {
            if (e.isRateLimit()) {
                log.info("Matrix sync rate-limited, waiting {} ms", e.retryAfter().toMillis());
                return WakeableWorker.Rest.backOff(e.retryAfter().toNanos());
            }
            return backOff(e);
        } catch (RuntimeException e) {
            return backOff(e);
        }
    }

    private WakeableWorker.Rest backOff(RuntimeException e) {
        failures++;
        long wait = Math.min(FIRST_BACKOFF.toNanos() << Math.min(failures - 1, 10), MAX_BACKOFF.toNanos());
        log.warn("Matrix sync failed (attempt {}), retrying in {} ms: {}", failures, TimeUnit.NANOSECONDS.toMillis(wait),
                e.toString());
        return WakeableWorker.Rest.backOff(wait);
    }

    void syncOnce() {
        if (!client.hasAccessToken()) {
            client.login(properties.botUserId(), properties.password(), properties.deviceId());
        }
        String since = store.since().orElse(null);
        if (stopping) {
            return;
        }
        JsonNode sync = client.sync(since, FILTER, since == null ? Duration.ZERO : properties.syncTimeout());
        answerInvites(sync.path("rooms").path("invite"));
        List<JsonNode> events = new ArrayList<>();
        Instant previousSync = store.sinceStoredAt().orElse(Instant.EPOCH).minus(CLOCK_SKEW);
        for (Map.Entry<String, JsonNode> room : sync.path("rooms").path("join").properties()) {
            collect(room.getKey(), room.getValue(), since != null, previousSync, events);
        }
        String nextBatch = sync.path("next_batch").asString();
        int[] added = {0};
        transaction.executeWithoutResult(status -> {
            for (JsonNode event : events) {
                if (event.path("sender").asString("").equals(properties.botUserId())) {
                    continue; // the echo of the bot's own post (a ticket summary with a name): nothing to do, not kept
                }
                if (store.storeEvent(event.path("event_id").asString(), event.path("room_id").asString(),
                        json.writeValueAsString(event), clock.instant())) {
                    added[0]++;
                }
            }
            store.saveSince(nextBatch, clock.instant());
        });
        if (added[0] > 0) {
            stored.run();
        }
    }

    /**
     * A joined room's state and timeline events, oldest first, each with its room id. On the first sync only the
     * encryption state is taken (history is not answered); a limited timeline is completed from /messages.
     */
    private void collect(String roomId, JsonNode room, boolean answerTimeline, Instant previousSync,
                         List<JsonNode> events) {
        room.path("state").path("events").forEach(e -> add(roomId, e, events));
        JsonNode timeline = room.path("timeline");
        if (!answerTimeline) {
            timeline.path("events").forEach(e -> {
                if (e.path("type").asString("").equals("m.room.encryption")) {
                    add(roomId, e, events);
                }
            });
            return;
        }
        if (timeline.path("limited").asBoolean(false) && timeline.path("prev_batch").isString()) {
            events.addAll(gap(roomId, timeline.path("prev_batch").asString(), previousSync));
        }
        timeline.path("events").forEach(e -> add(roomId, e, events));
    }

    /**
     * The events skipped before a limited timeline, back to one already stored, or one older than the previous sync
     * (an earlier sync delivered it; processed events are purged after two days), or a bounded number of pages.
     */
    private List<JsonNode> gap(String roomId, String from, Instant previousSync) {
        List<JsonNode> newestFirst = new ArrayList<>();
        String token = from;
        for (int page = 0; page < GAP_PAGES && token != null; page++) {
            JsonNode answer = client.messagesBefore(roomId, token, FILTER_TIMELINE, GAP_PAGE_SIZE);
            for (JsonNode event : answer.path("chunk")) {
                if (store.knows(event.path("event_id").asString(""))
                        || Instant.ofEpochMilli(event.path("origin_server_ts").asLong(0)).isBefore(previousSync)) {
                    token = null;
                    break;
                }
                newestFirst.add(event);
            }
            if (token != null) {
                token = answer.path("end").isString() && answer.path("chunk").size() > 0 ? answer.path("end").asString() : null;
            }
        }
        if (!newestFirst.isEmpty()) {
            log.info("Matrix sync for room {} was limited: fetched {} skipped events", LogIds.hash(roomId),
                    newestFirst.size());
        }
        Collections.reverse(newestFirst);
        List<JsonNode> events = new ArrayList<>();
        newestFirst.forEach(e -> add(roomId, e, events));
        return events;
    }

    private static void add(String roomId, JsonNode event, List<JsonNode> events) {
        if (event.path("event_id").isString() && event.isObject()) {
            ((ObjectNode) event).put("room_id", roomId);
            events.add(event);
        }
    }

    /** Joins rooms the bot is invited to by users of allowed homeservers; declines the others. */
    private void answerInvites(JsonNode invites) {
        for (Map.Entry<String, JsonNode> invite : invites.properties()) {
            String roomId = invite.getKey();
            String inviter = inviterOf(invite.getValue());
            boolean allowed = inviter != null && allowedServers().contains(MatrixProperties.serverOf(inviter));
            log.info("{} the invitation to Matrix room {} from {}", allowed ? "Accepting" : "Declining (homeserver not "
                    + "allowed)", LogIds.hash(roomId), LogIds.hash(inviter));
            try {
                if (allowed) {
                    client.join(roomId);
                } else {
                    client.leave(roomId);
                }
            } catch (MatrixException e) {
                if (e.isTransient()) {
                    throw e; // the sync is repeated, invitation included
                }
                log.warn("Answering the invitation to Matrix room {} failed: {}", LogIds.hash(roomId), e.getMessage());
            }
        }
    }

    private String inviterOf(JsonNode invitedRoom) {
        for (JsonNode event : invitedRoom.path("invite_state").path("events")) {
            if (event.path("type").asString("").equals("m.room.member")
                    && event.path("state_key").asString("").equals(properties.botUserId())
                    && event.path("content").path("membership").asString("").equals("invite")) {
                return event.path("sender").asString(null);
            }
        }
        return null;
    }

    /** The configured servers, or else the bot's own and every school's matrix-domain. */
    private Set<String> allowedServers() {
        Set<String> allowed = new HashSet<>(properties.allowedHomeservers());
        allowed.add(properties.botServer());
        if (properties.allowedHomeservers().isEmpty()) {
            schools.all().stream().map(School::matrixDomain).filter(d -> d != null && !d.isBlank())
                    .forEach(allowed::add);
        }
        return allowed;
    }
}
