package de.schulit.servicedesk.privacy;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The storage side of data protection: deleting transcripts, pseudonymising tickets, erasing a person. Tickets
 * themselves are never deleted (the service desk needs them); pseudonymising replaces the requester's name in the
 * ticket and its history, cuts the link to the person and forgets the chat address; the free text stays.
 * Each method runs in its own transaction unless the caller's is active.
 */
public interface PersonalData {

    /** What replaces a requester's name. */
    String PSEUDONYM = "(pseudonymisiert)";

    /** Conversation states (the dialog's draft texts) not changed since the cutoff. */
    int deleteConversationsBefore(Instant cutoff);

    /** Everything the bot said to a chat before the cutoff, delivered or not. */
    int deleteOutboundMessagesBefore(Instant cutoff);

    /** Files sent for a report that was never filed. */
    int deleteUnlinkedAttachmentsBefore(Instant cutoff);

    /** The chat identities, conversations and outbox of chats a channel has forgotten (expired sessions). */
    int forgetAddresses(Collection<ChannelAddress> addresses);

    /** Persons enrolled before the cutoff who have no chat identity left and no open ticket. */
    int deletePersonsWithoutIdentityBefore(Instant cutoff);

    /** CLOSED tickets not updated since the cutoff that still name their requester. */
    int pseudonymiseClosedTicketsBefore(Instant cutoff);

    /**
     * Erases a person at their request: their chat identities, conversations and outbox, the person, and the
     * requester data of all their tickets (which stay, pseudonymised). Returns the chat addresses that were forgotten.
     */
    List<ChannelAddress> erasePerson(long personId);
}
