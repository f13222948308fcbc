package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Option;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The channel's durable state (V5 tables): the sync token, the inbox of events, rooms, requesters' rooms, the
 * transaction ids of sends, the bot's posts into rooms and the tickets' threads. Every method joins the caller's
 * transaction, so an event is marked processed together with the turn it caused, and events with their sync token.
 */
final class MatrixStore {

    record StoredEvent(long seq, String eventId, String roomId, String payload) {
    }

    /** A post of the agents' room: a root, a thread post, a file in the thread, or a new text for the root. */
    record RoomPost(long id, String roomId, String ticketNumber, boolean root, String body, String html, String txnId,
                    Long attachmentId, String mediaUri, boolean replacesRoot) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MatrixStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- sync -----------------------------------------------------------------------------------------------------

    Optional<String> since() {
        return jdbc.sql("SELECT next_batch FROM matrix_sync_state WHERE id = 1").query(String.class).optional();
    }

    /** When the since token was stored: events older than that were delivered by an earlier sync. */
    Optional<Instant> sinceStoredAt() {
        return jdbc.sql("SELECT updated_at FROM matrix_sync_state WHERE id = 1")
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    void saveSince(String nextBatch, Instant at) {
        int updated = jdbc.sql("UPDATE matrix_sync_state SET next_batch = :token, updated_at = :at WHERE id = 1")
                .param("token", nextBatch).param("at", utc(at)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO matrix_sync_state (id, next_batch, updated_at) VALUES (1, :token, :at)")
                    .param("token", nextBatch).param("at", utc(at)).update();
        }
    }

    boolean knows(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM matrix_event WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single() > 0;
    }

    /** Stores the event unless it is known; true if it was new. */
    boolean storeEvent(String eventId, String roomId, String payload, Instant at) {
        if (knows(eventId)) {
            return false;
        }
        jdbc.sql("INSERT INTO matrix_event (event_id, room_id, payload, received_at) VALUES (:id, :room, :payload, :at)")
                .param("id", eventId).param("room", roomId).param("payload", payload).param("at", utc(at)).update();
        return true;
    }

    List<StoredEvent> unprocessed(int limit) {
        return jdbc.sql("SELECT seq, event_id, room_id, payload FROM matrix_event WHERE processed_at IS NULL "
                        + "ORDER BY seq FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query((rs, row) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    void markProcessed(String eventId, Instant at) {
        jdbc.sql("UPDATE matrix_event SET processed_at = :at WHERE event_id = :id")
                .param("at", utc(at)).param("id", eventId).update();
    }

    /**
     * Deletes what is done with before the cutoff: processed events (their payload holds what users wrote), sent room
     * posts and the transaction ids of delivered messages (a homeserver remembers transaction ids for a while only).
     */
    void purgeBefore(Instant cutoff) {
        jdbc.sql("DELETE FROM matrix_event WHERE processed_at IS NOT NULL AND processed_at < :cutoff")
                .param("cutoff", utc(cutoff)).update();
        jdbc.sql("DELETE FROM matrix_room_post WHERE sent_at IS NOT NULL AND sent_at < :cutoff")
                .param("cutoff", utc(cutoff)).update();
        jdbc.sql("DELETE FROM matrix_outbound_txn WHERE message_id IN "
                        + "(SELECT id FROM outbound_message WHERE delivered_at IS NOT NULL AND delivered_at < :cutoff)")
                .param("cutoff", utc(cutoff)).update();
    }

    /**
     * Retention beyond {@link #purgeBefore}: requesters' rooms not written from since the cutoff (kept while a message
     * to the user waits), then the state of rooms nobody is answered in any more; the agents' room stays.
     */
    void expireRoomsBefore(Instant cutoff, String agentRoomId) {
        jdbc.sql("DELETE FROM matrix_direct_room WHERE updated_at < :cutoff AND NOT EXISTS (SELECT 1 FROM outbound_pending"
                        + " p WHERE p.channel = :channel AND p.address = matrix_direct_room.user_id)")
                .param("cutoff", utc(cutoff)).param("channel", MatrixInboundMapper.CHANNEL).update();
        jdbc.sql("DELETE FROM matrix_room WHERE room_id <> :agents AND NOT EXISTS"
                        + " (SELECT 1 FROM matrix_direct_room d WHERE d.room_id = matrix_room.room_id)")
                .param("agents", agentRoomId == null ? "" : agentRoomId).update();
    }

    /**
     * Erasure of a user: the processed events they sent and those of their room, and the transaction ids of messages
     * to them. Their room stays until it expires, so that the confirmation of the erasure still reaches them; events
     * not processed yet are purged like all others.
     */
    void forgetUser(String userId, String agentRoomId) {
        String sender = "%\"sender\":" + json.writeValueAsString(userId).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        jdbc.sql("DELETE FROM matrix_event WHERE processed_at IS NOT NULL AND (payload LIKE :sender ESCAPE '\\' OR room_id"
                        + " IN (SELECT room_id FROM matrix_direct_room WHERE user_id = :user AND room_id <> :agents))")
                .param("sender", sender).param("user", userId).param("agents", agentRoomId == null ? "" : agentRoomId)
                .update();
        jdbc.sql("DELETE FROM matrix_outbound_txn WHERE message_id IN"
                        + " (SELECT id FROM outbound_message WHERE channel = :channel AND address = :user)")
                .param("channel", MatrixInboundMapper.CHANNEL).param("user", userId).update();
    }

    /** Erasure of any requester: the sent agents' room posts about their tickets (summaries with their name). */
    void forgetTicketPostsOf(ChannelAddress requester) {
        jdbc.sql("DELETE FROM matrix_room_post WHERE sent_at IS NOT NULL AND ticket_number IN"
                        + " (SELECT number FROM ticket WHERE requester_channel = :channel AND requester_address = :address)")
                .param("channel", requester.channel()).param("address", requester.id()).update();
    }

    // --- rooms ----------------------------------------------------------------------------------------------------

    /** Records that the room is encrypted; true the first time, when the honest notice is due. */
    boolean claimEncryptionNotice(String roomId, Instant at) {
        ensureRoom(roomId);
        jdbc.sql("UPDATE matrix_room SET encrypted = TRUE WHERE room_id = :room").param("room", roomId).update();
        return jdbc.sql("UPDATE matrix_room SET encryption_notice_at = :at WHERE room_id = :room "
                        + "AND encryption_notice_at IS NULL")
                .param("at", utc(at)).param("room", roomId).update() == 1;
    }

    boolean isEncrypted(String roomId) {
        return jdbc.sql("SELECT COUNT(*) FROM matrix_room WHERE room_id = :room AND encrypted = TRUE")
                .param("room", roomId).query(Long.class).single() > 0;
    }

    void saveOffered(String roomId, List<Option> options) {
        ensureRoom(roomId);
        ArrayNode array = json.createArrayNode();
        options.forEach(o -> array.addObject().put("id", o.id()).put("label", o.label()));
        jdbc.sql("UPDATE matrix_room SET offered_options = :options WHERE room_id = :room")
                .param("options", json.writeValueAsString(array)).param("room", roomId).update();
    }

    /** The options of the bot's last message in the room, or none. */
    List<Option> offered(String roomId) {
        Optional<String> stored = jdbc.sql("SELECT offered_options FROM matrix_room WHERE room_id = :room")
                .param("room", roomId).query(String.class).optional();
        List<Option> options = new ArrayList<>();
        stored.ifPresent(text -> json.readTree(text).forEach(
                (JsonNode o) -> options.add(new Option(o.path("id").asString(), o.path("label").asString()))));
        return options;
    }

    private void ensureRoom(String roomId) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM matrix_room WHERE room_id = :room").param("room", roomId)
                .query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO matrix_room (room_id, encrypted) VALUES (:room, FALSE)").param("room", roomId).update();
        }
    }

    void saveDirectRoom(String userId, String roomId, Instant at) {
        int updated = jdbc.sql("UPDATE matrix_direct_room SET room_id = :room, updated_at = :at WHERE user_id = :user")
                .param("room", roomId).param("at", utc(at)).param("user", userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO matrix_direct_room (user_id, room_id, updated_at) VALUES (:user, :room, :at)")
                    .param("user", userId).param("room", roomId).param("at", utc(at)).update();
        }
    }

    Optional<String> directRoomOf(String userId) {
        return jdbc.sql("SELECT room_id FROM matrix_direct_room WHERE user_id = :user").param("user", userId)
                .query(String.class).optional();
    }

    // --- sending --------------------------------------------------------------------------------------------------

    /** The transaction id of an outbox message: chosen at its first send, the same for every resend. */
    String txnIdOf(long messageId) {
        Optional<String> known = jdbc.sql("SELECT txn_id FROM matrix_outbound_txn WHERE message_id = :id")
                .param("id", messageId).query(String.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        String txnId = newTxnId();
        jdbc.sql("INSERT INTO matrix_outbound_txn (message_id, txn_id) VALUES (:id, :txn)")
                .param("id", messageId).param("txn", txnId).update();
        return txnId;
    }

    void post(String roomId, String ticketNumber, boolean root, String body, String html, Instant at) {
        insertPost(roomId, ticketNumber, root, body, html, null, false, at);
    }

    /** A ticket attachment to be uploaded and posted into the ticket's thread. */
    void postFile(String roomId, String ticketNumber, long attachmentId, String caption, Instant at) {
        insertPost(roomId, ticketNumber, false, caption, caption, attachmentId, false, at);
    }

    /** A new text for the ticket's root post, sent as an edit of it. */
    void postRootEdit(String roomId, String ticketNumber, String body, String html, Instant at) {
        insertPost(roomId, ticketNumber, false, body, html, null, true, at);
    }

    private void insertPost(String roomId, String ticketNumber, boolean root, String body, String html,
                            Long attachmentId, boolean replacesRoot, Instant at) {
        jdbc.sql("INSERT INTO matrix_room_post (room_id, ticket_number, is_root, body, html, attachment_id, "
                        + "replaces_root, txn_id, created_at) "
                        + "VALUES (:room, :ticket, :root, :body, :html, :attachment, :replaces, :txn, :at)")
                .param("room", roomId).param("ticket", ticketNumber).param("root", root).param("body", body)
                .param("html", html).param("attachment", attachmentId).param("replaces", replacesRoot)
                .param("txn", newTxnId()).param("at", utc(at))
                .update();
    }

    /** Remembers the uploaded file, so a retried send does not upload it again. */
    void postUploaded(long postId, String mediaUri) {
        jdbc.sql("UPDATE matrix_room_post SET media_uri = :uri WHERE id = :id").param("uri", mediaUri)
                .param("id", postId).update();
    }

    /** True when the ticket's thread exists or its root post waits to be sent. */
    boolean hasThread(String ticketNumber) {
        return threadRoot(ticketNumber).isPresent()
                || jdbc.sql("SELECT COUNT(*) FROM matrix_room_post WHERE ticket_number = :ticket AND is_root = TRUE")
                        .param("ticket", ticketNumber).query(Long.class).single() > 0;
    }

    List<RoomPost> unsentPosts(int limit) {
        return jdbc.sql("SELECT id, room_id, ticket_number, is_root, body, html, txn_id, attachment_id, media_uri, "
                        + "replaces_root FROM matrix_room_post WHERE sent_at IS NULL ORDER BY id "
                        + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query((rs, row) -> new RoomPost(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Long.class),
                        rs.getString(9), rs.getBoolean(10)))
                .list();
    }

    /** Marks the post sent; a root post starts its ticket's thread. */
    void postSent(RoomPost post, String eventId, Instant at) {
        jdbc.sql("UPDATE matrix_room_post SET event_id = :event, sent_at = :at WHERE id = :id")
                .param("event", eventId).param("at", utc(at)).param("id", post.id()).update();
        if (post.root() && threadRoot(post.ticketNumber()).isEmpty()) {
            jdbc.sql("INSERT INTO matrix_thread (ticket_number, room_id, root_event_id) VALUES (:ticket, :room, :event)")
                    .param("ticket", post.ticketNumber()).param("room", post.roomId()).param("event", eventId).update();
        }
    }

    Optional<String> threadRoot(String ticketNumber) {
        return jdbc.sql("SELECT root_event_id FROM matrix_thread WHERE ticket_number = :ticket")
                .param("ticket", ticketNumber).query(String.class).optional();
    }

    Optional<String> ticketOfThread(String rootEventId) {
        return jdbc.sql("SELECT ticket_number FROM matrix_thread WHERE root_event_id = :event")
                .param("event", rootEventId).query(String.class).optional();
    }

    private static String newTxnId() {
        return "sd-" + UUID.randomUUID();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
