package de.schulit.servicedesk.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The dialog state of one chat as JSON, optimistically locked by version. */
@Entity
@Table(name = "conversation")
class ConversationEntity {

    @EmbeddedId
    private AddressKey key;

    @Column(name = "state", nullable = false, columnDefinition = "TEXT")
    private String state;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "in_intake", nullable = false)
    private boolean inIntake;

    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected ConversationEntity() {
    }

    ConversationEntity(AddressKey key) {
        this.key = key;
    }

    String state() {
        return state;
    }

    AddressKey key() {
        return key;
    }

    void update(String state, Instant updatedAt, boolean inIntake) {
        this.state = state;
        this.updatedAt = Timestamps.stored(updatedAt);
        this.inIntake = inIntake;
    }
}
