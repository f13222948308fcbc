package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.dialog.Conversation;
import de.schulit.servicedesk.dialog.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ConversationStore} in the {@code conversation} table, the state as JSON of the conversation's fields.
 * Loaded and saved in one transaction, a concurrent change of the same chat fails the save with an
 * optimistic locking exception instead of being overwritten.
 */
@Repository
@Transactional(readOnly = true)
public class JpaConversationStore implements ConversationStore {

    private final ConversationRepository conversations;
    private final Clock clock;

    JpaConversationStore(ConversationRepository conversations, ObjectProvider<Clock> clock) {
        this.conversations = conversations;
        this.clock = Timestamps.clock(clock);
    }

    @Override
    public Optional<Conversation> load(ChannelAddress address) {
        return conversations.findById(AddressKey.of(address))
                .map(entity -> PersistenceJson.MAPPER.readValue(entity.state(), Conversation.class));
    }

    @Override
    @Transactional
    public void save(ChannelAddress address, Conversation conversation) {
        String state = PersistenceJson.MAPPER.writeValueAsString(conversation);
        AddressKey key = AddressKey.of(address);
        Optional<ConversationEntity> loaded = conversations.findById(key);
        ConversationEntity entity = loaded.orElseGet(() -> new ConversationEntity(key));
        entity.update(state, conversation.updatedAt() != null ? conversation.updatedAt() : clock.instant(),
                conversation.inIntake());
        if (loaded.isEmpty()) {
            conversations.save(entity); // a loaded one is managed: the flush writes it (save would merge it again)
        }
    }

    @Override
    public List<ChannelAddress> unfinishedSince(Instant before, int limit) {
        return conversations.findByInIntakeTrueAndUpdatedAtBeforeOrderByUpdatedAt(before, Limit.of(limit)).stream()
                .map(entity -> entity.key().toAddress()).toList();
    }
}
