package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.ticket.AttachmentRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A file a requester sent. The content is a plain binary column (PostgreSQL {@code bytea}, H2 {@code BINARY VARYING}),
 * not a LOB; listings read {@link AttachmentRef} projections and never load it.
 */
@Entity
@Table(name = "attachment")
class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "ticket_number", length = 32)
    private String ticketNumber;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "mime_type", nullable = false, length = 255)
    private String mimeType;

    @Column(name = "size", nullable = false)
    private long size;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AttachmentEntity() {
    }

    AttachmentEntity(Attachment attachment, Instant createdAt) {
        this.fileName = attachment.fileName();
        this.mimeType = attachment.mimeType();
        this.size = attachment.size();
        this.content = attachment.content();
        this.createdAt = Timestamps.stored(createdAt);
    }

    AttachmentRef toRef() {
        return new AttachmentRef(id, fileName, mimeType, size);
    }

    Attachment toAttachment() {
        return new Attachment(fileName, mimeType, content);
    }
}
