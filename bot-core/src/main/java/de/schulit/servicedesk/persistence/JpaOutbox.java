package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueueState;
import de.schulit.servicedesk.channel.QueuedMessage;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.type.TypeReference;

/**
 * {@link Outbox} in the {@code outbound_message} table; the generated id is the cursor. A reader that saw id n must
 * never later find a new message of the same chat below n, so writers to one chat are serialised by a row lock
 * (see {@link #append}): without it, two transactions could take ids 10 and 11 and commit 11 first.
 */
@Repository
@Transactional(readOnly = true)
public class JpaOutbox implements Outbox {

    private static final TypeReference<List<Option>> OPTIONS = new TypeReference<>() {
    };

    private final OutboundMessageRepository messages;
    private final Clock clock;
    private final SingletonSupplier<ChannelMetrics> metrics;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    JpaOutbox(OutboundMessageRepository messages, JdbcTemplate jdbc, EntityManager entityManager,
              ObjectProvider<Clock> clock, ObjectProvider<ChannelMetrics> metrics) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = Timestamps.clock(clock);
        this.metrics = SingletonSupplier.ofNullable(metrics::getIfAvailable);
    }

    /**
     * Takes the chat's lock (held until the surrounding transaction ends), then inserts, so the message's id is
     * drawn only after every earlier writer to this chat has committed. The turn's pending changes are flushed first,
     * so every transaction takes its other row locks (the conversation's) before this one. A transaction that holds
     * the lock already appends without asking again (a turn usually answers with two or three messages). Plain JDBC:
     * this runs for every answer, and Hibernate's persist and query bookkeeping were a tenth of a dialog turn's CPU.
     */
    @Override
    @Transactional
    public QueuedMessage append(ChannelAddress to, BotMessage message) {
        Set<ChannelAddress> locked = TransactionScoped.get(this, HashSet::new);
        if (!locked.contains(to)) {
            entityManager.flush();
            if (lockChat(to) == 0) {
                addChat(to);
                if (lockChat(to) != 1) {
                    throw new IllegalStateException("outbound_chat row of " + to.channel()
                            + " chat missing after insert");
                }
            }
            locked.add(to);
        }
        Instant at = clock.instant();
        String options = PersistenceJson.MAPPER.writeValueAsString(message.options());
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into outbound_message"
                    + " (channel, address, text, options, created_at) values (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, to.channel());
            insert.setString(2, to.id());
            insert.setString(3, message.text());
            insert.setString(4, options);
            insert.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            return insert;
        }, id);
        ChannelMetrics channelMetrics = metrics.get();
        if (channelMetrics != null) {
            channelMetrics.sent(to.channel());
        }
        return new QueuedMessage(id.getKeyAs(Long.class), to, message, at);
    }

    /** The update takes the row lock; {@code appended} counts the transactions that wrote to the chat. */
    private int lockChat(ChannelAddress to) {
        return jdbc.update("update outbound_chat set appended = appended + 1 where channel = ? and address = ?",
                to.channel(), to.id());
    }

    @Override
    public List<QueuedMessage> after(ChannelAddress to, long cursor, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return messages.findByChannelAndAddressAndIdGreaterThanOrderByIdAsc(to.channel(), to.id(), cursor,
                        Limit.of(limit))
                .stream()
                .map(JpaOutbox::toQueued)
                .toList();
    }

    @Override
    public List<QueuedMessage> nextUndelivered(String channel, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return messages.findHeadsOfUndelivered(channel, Limit.of(limit)).stream().map(JpaOutbox::toQueued).toList();
    }

    @Override
    @Transactional
    public void markDelivered(long id, Instant at) {
        messages.markDelivered(id, Timestamps.stored(at));
    }

    /**
     * A chat's first message: its row is inserted in the surrounding transaction (whoever wins a race to do so), not
     * in one of its own: that would need a second pooled connection per turn, and with as many concurrent turns as
     * connections every turn would wait for the pool (seen in the load harness).
     */
    private void addChat(ChannelAddress to) {
        jdbc.execute((ConnectionCallback<Boolean>) connection -> RaceFreeInsert.insert(connection,
                "insert into outbound_chat (channel, address, appended) values (?, ?, 0)", to.channel(), to.id()));
    }

    @Override
    public QueueState queue(String channel) {
        long depth = messages.countByChannelAndDeliveredAtIsNull(channel);
        if (depth == 0) {
            return QueueState.EMPTY;
        }
        return new QueueState(depth, messages.findFirstByChannelAndDeliveredAtIsNullOrderByIdAsc(channel)
                .map(OutboundMessageEntity::createdAt).orElse(null));
    }

    private static QueuedMessage toQueued(OutboundMessageEntity entity) {
        List<Option> options = PersistenceJson.MAPPER.readValue(entity.options(), OPTIONS);
        return new QueuedMessage(entity.id(), new ChannelAddress(entity.channel(), entity.address()),
                new BotMessage(entity.text(), options), entity.createdAt());
    }
}
