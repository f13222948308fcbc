package de.schulit.servicedesk.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.dialog.Conversation;
import de.schulit.servicedesk.dialog.ConversationStore;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link ConversationStore} in the {@code conversation} table, the state as JSON of the conversation's fields in
 * UTF-8 bytes (H2 writes bytes in one piece, text character by character, and each turn rewrites its row's page).
 * Loaded and saved in one transaction, a concurrent change of the same chat fails the save with an
 * {@link OptimisticLockingFailureException} instead of being overwritten: the version read by {@link #load} is
 * remembered for the transaction and the update is conditional on it.
 *
 * <p>Plain JDBC: every dialog turn loads and saves its conversation, and Hibernate's lookup, dirty check and flush
 * of this one row cost more than the SQL.
 *
 * <p>Reading the JSON back was the larger half of a turn's conversation work, so the state this instance committed
 * last is kept in memory and used again when the row still has the version and update time it was committed with.
 * Any other writer (another instance, a rolled-back turn, a deletion and a new start) leaves a different pair and the
 * row is read. A load takes the object out of the cache: the caller changes it, and only its commit puts it back.
 */
@Repository
@Transactional(readOnly = true)
public class JpaConversationStore implements ConversationStore {

    /** Remembered when {@link #load} found no row: the save must then insert, not overwrite a concurrent insert. */
    private static final long ABSENT = -1L;
    /** Chats with a turn in the last minutes; a conversation object is a few kilobytes (the intake's transcript). */
    private static final int CACHED_CONVERSATIONS = 2_000;
    /** An intake's turns come seconds apart; an erased chat's state leaves memory soon after its row. */
    private static final Duration CACHED_FOR = Duration.ofMinutes(5);

    private record Committed(long version, Instant updatedAt, Conversation conversation) {
    }

    private final Cache<ChannelAddress, Committed> committed = Caffeine.newBuilder()
            .maximumSize(CACHED_CONVERSATIONS).expireAfterWrite(CACHED_FOR).build();

    private final ConversationRepository conversations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    JpaConversationStore(ConversationRepository conversations, JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.clock = Timestamps.clock(clock);
    }

    @Override
    public Optional<Conversation> load(ChannelAddress address) {
        Map<ChannelAddress, Long> versions = loadedVersions();
        Committed known = committed.asMap().remove(address);
        String sql = "select state, version, updated_at from conversation where channel = ? and external_id = ?";
        List<Conversation> found = jdbc.query(sql, (row, n) -> {
            long version = row.getLong("version");
            versions.put(address, version);
            if (known != null && known.version() == version
                    && known.updatedAt().equals(row.getObject("updated_at", OffsetDateTime.class).toInstant())) {
                return known.conversation();
            }
            return PersistenceJson.MAPPER.readValue(row.getBytes("state"), Conversation.class);
        }, address.channel(), address.id());
        if (found.isEmpty()) {
            versions.put(address, ABSENT);
        }
        return found.stream().findFirst();
    }

    @Override
    @Transactional
    public void save(ChannelAddress address, Conversation conversation) {
        byte[] state = PersistenceJson.MAPPER.writeValueAsBytes(conversation);
        Instant storedAt = Timestamps.stored(conversation.updatedAt() != null ? conversation.updatedAt() : clock.instant());
        OffsetDateTime updatedAt = OffsetDateTime.ofInstant(storedAt, ZoneOffset.UTC);
        Map<ChannelAddress, Long> versions = loadedVersions();
        Long loaded = versions.remove(address);
        boolean saved;
        Long next;
        if (loaded == null) { // not read in this transaction: nothing to compare with
            saved = update(address, state, updatedAt, conversation.inIntake(), null)
                    || insert(address, state, updatedAt, conversation.inIntake());
            next = null;
        } else if (loaded == ABSENT) {
            saved = insert(address, state, updatedAt, conversation.inIntake());
            next = 0L;
        } else {
            saved = update(address, state, updatedAt, conversation.inIntake(), loaded);
            next = loaded + 1;
        }
        if (!saved) {
            // changed, created or deleted by another transaction since this one read it: the caller retries afresh
            throw new OptimisticLockingFailureException("conversation of a " + address.channel()
                    + " chat changed concurrently");
        }
        committed.invalidate(address);
        if (next != null) {
            versions.put(address, next);
            keepAfterCommit(address, new Committed(next, storedAt, conversation));
        }
    }

    private void keepAfterCommit(ChannelAddress address, Committed state) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.put(address, state);
                }
            });
        }
    }

    private boolean update(ChannelAddress address, byte[] state, OffsetDateTime updatedAt, boolean inIntake,
                           Long expectedVersion) {
        String sql = "update conversation set state = ?, updated_at = ?, in_intake = ?, version = version + 1"
                + " where channel = ? and external_id = ?";
        return expectedVersion == null
                ? jdbc.update(sql, state, updatedAt, inIntake, address.channel(), address.id()) == 1
                : jdbc.update(sql + " and version = ?", state, updatedAt, inIntake, address.channel(), address.id(),
                        expectedVersion) == 1;
    }

    private boolean insert(ChannelAddress address, byte[] state, OffsetDateTime updatedAt, boolean inIntake) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) (Connection connection) ->
                RaceFreeInsert.insert(connection, "insert into conversation"
                                + " (channel, external_id, state, updated_at, in_intake, version) values (?, ?, ?, ?, ?, 0)",
                        address.channel(), address.id(), state, updatedAt, inIntake)));
    }

    /** Versions read in the current transaction. */
    private Map<ChannelAddress, Long> loadedVersions() {
        return TransactionScoped.get(this, HashMap::new);
    }

    @Override
    public List<ChannelAddress> unfinishedSince(Instant before, int limit) {
        return conversations.findByInIntakeTrueAndUpdatedAtBeforeOrderByUpdatedAt(before, Limit.of(limit)).stream()
                .map(entity -> entity.key().toAddress()).toList();
    }
}
