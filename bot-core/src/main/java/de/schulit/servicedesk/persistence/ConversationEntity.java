package de.schulit.servicedesk.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A chat's dialog state row, for the queries over many chats; the state itself is read and written by
 * {@link JpaConversationStore}.
 */
@Entity
@Table(name = "conversation")
class ConversationEntity {

    @EmbeddedId
    private AddressKey key;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "in_intake", nullable = false)
    private boolean inIntake;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected ConversationEntity() {
    }

    AddressKey key() {
        return key;
    }
}
