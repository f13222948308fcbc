package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.channel.ChannelAddress;

/** Who reported the ticket and the chat it came from, which is where answers go. */
public record Requester(long personId, String name, ChannelAddress address) {
}
