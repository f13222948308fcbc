package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.channel.Attachment;
import java.util.Collection;
import java.util.Optional;

/** Files sent by requesters; stored as soon as they arrive, linked to the ticket when it exists. */
public interface Attachments {

    AttachmentRef store(Attachment attachment);

    void linkToTicket(Collection<Long> attachmentIds, String ticketNumber);

    Optional<Attachment> load(long attachmentId);
}
