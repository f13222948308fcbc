package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.PolledChannel;
import de.schulit.servicedesk.channel.QueueState;
import de.schulit.servicedesk.channel.QueuedMessage;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * (see {@link #append}): without it, two transactions could take ids 10 and 11 and commit 11 first. Messages of
 * channels that deliver also get a row in {@code outbound_pending} until their delivery is recorded; those of a
 * {@link PolledChannel} do not.
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
    private final Set<String> polledChannels;

    JpaOutbox(OutboundMessageRepository messages, JdbcTemplate jdbc, EntityManager entityManager,
              ObjectProvider<Clock> clock, ObjectProvider<ChannelMetrics> metrics,
              ObjectProvider<PolledChannel> polledChannels) {
        this.messages = messages;
        this.polledChannels = polledChannels.stream().map(PolledChannel::id).collect(Collectors.toUnmodifiableSet());
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
        long messageId = id.getKeyAs(Long.class);
        if (!polledChannels.contains(to.channel())) {
            jdbc.update("insert into outbound_pending (message_id, channel, address) values (?, ?, ?)", messageId,
                    to.channel(), to.id());
        }
        ChannelMetrics channelMetrics = metrics.get();
        if (channelMetrics != null) {
            channelMetrics.sent(to.channel());
        }
        return new QueuedMessage(messageId, to, message, at);
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
        return jdbc.query("select m.id, m.channel, m.address, m.text, m.options, m.created_at from outbound_message m"
                + " where m.id in (select min(p.message_id) from outbound_pending p where p.channel = ?"
                + " group by p.address) order by m.id fetch first ? rows only", JpaOutbox::fromRow, channel, limit);
    }

    @Override
    @Transactional
    public void markDelivered(long id, Instant at) {
        jdbc.update("update outbound_message set delivered_at = ? where id = ? and delivered_at is null",
                OffsetDateTime.ofInstant(Timestamps.stored(at), ZoneOffset.UTC), id);
        jdbc.update("delete from outbound_pending where message_id = ?", id);
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
        return jdbc.queryForObject("select count(*), min(m.created_at) from outbound_pending p"
                + " join outbound_message m on m.id = p.message_id where p.channel = ?", (row, n) -> {
            long depth = row.getLong(1);
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            return depth == 0 ? QueueState.EMPTY : new QueueState(depth, oldest == null ? null : oldest.toInstant());
        }, channel);
    }

    private static QueuedMessage fromRow(ResultSet row, int rowNumber) throws SQLException {
        List<Option> options = PersistenceJson.MAPPER.readValue(row.getString("options"), OPTIONS);
        return new QueuedMessage(row.getLong("id"), new ChannelAddress(row.getString("channel"),
                row.getString("address")), new BotMessage(row.getString("text"), options),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static QueuedMessage toQueued(OutboundMessageEntity entity) {
        List<Option> options = PersistenceJson.MAPPER.readValue(entity.options(), OPTIONS);
        return new QueuedMessage(entity.id(), new ChannelAddress(entity.channel(), entity.address()),
                new BotMessage(entity.text(), options), entity.createdAt());
    }
}
