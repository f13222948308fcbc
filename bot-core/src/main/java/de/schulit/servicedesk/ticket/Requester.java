package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.channel.ChannelAddress;

/**
 * Who reported the ticket and the chat it came from, which is where answers go. Once pseudonymised (data protection)
 * the person id is 0, the name a pseudonym and the address null: nobody is told about the ticket any more.
 */
public record Requester(long personId, String name, ChannelAddress address) {
}
