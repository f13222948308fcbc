package de.schulit.servicedesk.telegram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The durable inbox of Telegram updates ({@code telegram_update}), keyed by {@code update_id}. An update is stored
 * before the poll loop or the webhook confirms it to Telegram, and marked processed in the transaction of the dialog
 * turn it caused, so it is handled exactly once even across crashes and redeliveries. Names and user names of
 * users and chats are left out: the bot asks for the name at enrollment and never uses Telegram's profile.
 */
final class TelegramUpdateStore {

    /** Profile fields of Telegram's User and Chat objects that are not stored (data minimisation). */
    private static final Set<String> PROFILE_FIELDS = Set.of("first_name", "last_name", "username", "title");

    private final ObjectMapper json = new ObjectMapper();

    record StoredUpdate(long updateId, String payload, Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    TelegramUpdateStore(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Stores the update unless one with this id is already stored; true if it was new. In a transaction of its own,
     * so that it is durable when this returns (the caller confirms the update to Telegram next).
     */
    boolean store(long updateId, String payload, Instant receivedAt) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE update_id = :id")
                .param("id", updateId).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        String stored = withoutProfiles(payload);
        try {
            transactions.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO telegram_update (update_id, payload, received_at) VALUES (:id, :payload, :at)")
                    .param("id", updateId).param("payload", stored).param("at", utc(receivedAt))
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            return false; // the same update arrived twice at the same moment (webhook redelivery)
        }
    }

    /** The update without the names of the users and chats in it (a User has is_bot, a Chat has a type). */
    private String withoutProfiles(String payload) {
        try {
            JsonNode update = json.readTree(payload);
            removeProfiles(update);
            return json.writeValueAsString(update);
        } catch (JacksonException notJson) {
            return payload; // stored as it came; the processor answers it as unreadable
        }
    }

    private static void removeProfiles(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("id") && (object.has("is_bot") || object.has("type"))) {
            object.remove(PROFILE_FIELDS);
            if (object.has("is_bot")) {
                object.put("first_name", ""); // a User must have one to be read back
            }
        }
        node.forEach(TelegramUpdateStore::removeProfiles);
    }

    /** Unprocessed updates in update_id order. */
    List<StoredUpdate> unprocessed(int limit) {
        return jdbc.sql("SELECT update_id, payload, received_at FROM telegram_update WHERE processed_at IS NULL "
                        + "ORDER BY update_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query((rs, row) -> new StoredUpdate(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Joins the caller's transaction, so it commits together with the dialog turn. */
    void markProcessed(long updateId, Instant at) {
        jdbc.sql("UPDATE telegram_update SET processed_at = :at WHERE update_id = :id")
                .param("at", utc(at)).param("id", updateId).update();
    }

    boolean isProcessed(long updateId) {
        return jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE update_id = :id AND processed_at IS NOT NULL")
                .param("id", updateId).query(Long.class).single() > 0;
    }

    /** Deletes updates processed before the cutoff (their payload holds what users wrote). */
    int purgeProcessedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM telegram_update WHERE processed_at IS NOT NULL AND processed_at < :cutoff")
                .param("cutoff", utc(cutoff)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
