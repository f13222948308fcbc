package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueueState;
import de.schulit.servicedesk.channel.QueuedMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
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
    private final ObjectProvider<ChannelMetrics> metrics;

    private final JdbcTemplate jdbc;

    JpaOutbox(OutboundMessageRepository messages, JdbcTemplate jdbc, ObjectProvider<Clock> clock,
              ObjectProvider<ChannelMetrics> metrics) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = Timestamps.clock(clock);
        this.metrics = metrics;
    }

    /**
     * Takes the chat's lock (held until the surrounding transaction ends), then inserts, so the message's id is
     * drawn only after every earlier writer to this chat has committed.
     */
    @Override
    @Transactional
    public QueuedMessage append(ChannelAddress to, BotMessage message) {
        if (messages.lockChat(to.channel(), to.id()) == 0) {
            addChat(to);
            if (messages.lockChat(to.channel(), to.id()) != 1) {
                throw new IllegalStateException("outbound_chat row of " + to.channel() + " chat missing after insert");
            }
        }
        OutboundMessageEntity entity = messages.save(new OutboundMessageEntity(to.channel(), to.id(), message.text(),
                PersistenceJson.MAPPER.writeValueAsString(message.options()), clock.instant()));
        metrics.ifAvailable(m -> m.sent(to.channel()));
        return toQueued(entity);
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
