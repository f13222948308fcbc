package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of tables keyed by a chat: channel and the chat's id within it. */
@Embeddable
class AddressKey implements Serializable {

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @Column(name = "external_id", nullable = false, length = 255)
    private String externalId;

    protected AddressKey() {
    }

    AddressKey(String channel, String externalId) {
        this.channel = channel;
        this.externalId = externalId;
    }

    static AddressKey of(ChannelAddress address) {
        return new AddressKey(address.channel(), address.id());
    }

    ChannelAddress toAddress() {
        return new ChannelAddress(channel, externalId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressKey key && channel.equals(key.channel) && externalId.equals(key.externalId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, externalId);
    }
}
