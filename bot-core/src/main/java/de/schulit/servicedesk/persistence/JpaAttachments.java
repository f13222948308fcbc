package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.Attachments;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link Attachments} in the {@code attachment} table, the bytes in the row. */
@Repository
@Transactional(readOnly = true)
public class JpaAttachments implements Attachments {

    private final AttachmentRepository attachments;
    private final Clock clock;

    JpaAttachments(AttachmentRepository attachments, ObjectProvider<Clock> clock) {
        this.attachments = attachments;
        this.clock = Timestamps.clock(clock);
    }

    @Override
    @Transactional
    public AttachmentRef store(Attachment attachment) {
        return attachments.save(new AttachmentEntity(attachment, clock.instant())).toRef();
    }

    /** Links attachments to a ticket; one already linked to another ticket stays there. */
    @Override
    @Transactional
    public void linkToTicket(Collection<Long> attachmentIds, String ticketNumber) {
        if (!attachmentIds.isEmpty()) {
            attachments.link(attachmentIds, ticketNumber);
        }
    }

    @Override
    public Optional<Attachment> load(long attachmentId) {
        return attachments.findById(attachmentId).map(AttachmentEntity::toAttachment);
    }
}
