package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat identity linked to a person; relinking moves it to another person. */
@Entity
@Table(name = "channel_identity")
class ChannelIdentityEntity {

    @EmbeddedId
    private AddressKey key;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChannelIdentityEntity() {
    }

    ChannelIdentityEntity(AddressKey key, long personId, Instant createdAt) {
        this.key = key;
        this.personId = personId;
        this.createdAt = Timestamps.stored(createdAt);
    }

    long personId() {
        return personId;
    }

    void personId(long personId) {
        this.personId = personId;
    }

    ChannelAddress address() {
        return key.toAddress();
    }
}
