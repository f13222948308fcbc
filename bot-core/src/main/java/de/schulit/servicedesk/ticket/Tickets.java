package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.catalog.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Ticket storage; the {@link TicketDesk} is its only writer. */
public interface Tickets {

    /** The next sequence number of that year; atomic and gap-tolerant, never handed out twice. */
    int nextSequence(int year);

    Ticket insert(String number, NewTicket ticket, Instant at);

    Optional<Ticket> find(String number);

    List<Ticket> search(TicketQuery query);

    /**
     * The open tickets of one school's service and request type created at or after {@code since}, newest first,
     * each with its answer to the question {@code questionId}.
     */
    List<OpenTicket> openSince(String schoolId, String serviceId, RequestType type, Instant since, String questionId,
                               int limit);

    /** Appends a history entry and sets status, priority and the update time in one step. */
    Ticket record(String number, HistoryEntry entry, TicketStatus status, Priority priority);
}
