package de.schulit.servicedesk.channel;

import java.util.Objects;

/** Where a conversation happens: a channel ("webchat", "telegram", "matrix") and the chat's id within it. */
public record ChannelAddress(String channel, String id) {

    public ChannelAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return channel + ":" + id;
    }
}
