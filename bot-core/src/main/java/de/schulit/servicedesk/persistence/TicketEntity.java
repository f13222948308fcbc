package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Requester;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketStatus;
import de.schulit.servicedesk.ticket.Tickets;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;

/**
 * A ticket row with its fields (in asking order, by index column) and its history (in the order it was
 * recorded), for the ticket lists: fields and history of several tickets are fetched in batches, so a listing costs
 * a few queries. Read only; {@link JpaTickets} writes tickets with plain JDBC.
 */
@Entity
@Immutable
@Table(name = "ticket")
class TicketEntity {

    private static final int BATCH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "number", nullable = false, unique = true, length = 32)
    private String number;

    @Column(name = "school_id", nullable = false, length = 40)
    private String schoolId;

    @Column(name = "requester_person_id")
    private Long requesterPersonId;

    @Column(name = "requester_name", nullable = false, length = 200)
    private String requesterName;

    @Column(name = "requester_channel", length = 32)
    private String requesterChannel;

    @Column(name = "requester_address", length = 255)
    private String requesterAddress;

    @Column(name = "service_id", nullable = false, length = 40)
    private String serviceId;

    /** The stable id of SPEC.md ({@code stoerung}, {@code anfrage}, {@code bedarf}). */
    @Column(name = "request_type", nullable = false, length = 20)
    private String requestType;

    /** {@link Tickets#roomKey} of the room answer, if the service asked for the room: the grouping looks it up. */
    @Column(name = "room_key", length = Tickets.ROOM_KEY_LENGTH, updatable = false)
    private String roomKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, length = 2)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private TicketStatus status;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "description", nullable = false, columnDefinition = "TEXT")
    private String description;

    /** Kept in step with the newest ASSIGNMENT history entry, for queries and reports. */
    @Column(name = "assignee", length = 255)
    private String assignee;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "ticket_field", joinColumns = @JoinColumn(name = "ticket_id", nullable = false))
    @OrderColumn(name = "field_index", nullable = false)
    @BatchSize(size = BATCH)
    private List<TicketField> fields = new ArrayList<>();

    @OneToMany(mappedBy = "ticket")
    @OrderBy("id")
    @BatchSize(size = BATCH)
    private List<TicketHistoryEntity> history = new ArrayList<>();

    protected TicketEntity() {
    }

    String number() {
        return number;
    }

    Ticket toTicket(List<AttachmentRef> attachments) {
        Map<String, String> answers = new LinkedHashMap<>();
        fields.forEach(field -> answers.put(field.key(), field.value()));
        Requester requester = new Requester(requesterPersonId == null ? 0 : requesterPersonId, requesterName,
                requesterAddress == null ? null : new ChannelAddress(requesterChannel, requesterAddress));
        return new Ticket(number, schoolId, requester, serviceId, RequestType.fromId(requestType).orElseThrow(),
                priority, status, title, description, Collections.unmodifiableMap(answers), createdAt, updatedAt,
                history.stream().map(TicketHistoryEntity::toEntry).toList(), attachments);
    }
}
