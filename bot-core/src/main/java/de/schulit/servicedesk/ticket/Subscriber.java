package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Instant;

/** A person who joined somebody else's ticket ("me too"); hears about it in the chat they joined from. */
public record Subscriber(long personId, String name, ChannelAddress address, Instant joinedAt) {
}
