package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Instant;

/**
 * A person who joined somebody else's ticket ("me too"); hears about it in the chat they joined from. Once
 * pseudonymised (data protection) the person id is 0, the name a pseudonym and the address null, like a requester's.
 */
public record Subscriber(long personId, String name, ChannelAddress address, Instant joinedAt) {
}
