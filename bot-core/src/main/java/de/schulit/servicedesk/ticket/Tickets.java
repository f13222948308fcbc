package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.catalog.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Ticket storage; the {@link TicketDesk} is its only writer. */
public interface Tickets {

    /** The next sequence number of that year; atomic and gap-tolerant, never handed out twice. */
    int nextSequence(int year);

    Ticket insert(String number, NewTicket ticket, Instant at);

    Optional<Ticket> find(String number);

    List<Ticket> search(TicketQuery query);

    /**
     * The number of the newest open ticket of one school's service and request type created at or after
     * {@code since}; with a question id, only of one whose answer to it has the same {@link #answerKey} as
     * {@code answer}.
     */
    Optional<String> newestOpen(String schoolId, String serviceId, RequestType type, Instant since, String questionId,
                                String answer);

    /** "Raum 2.14", "raum 2.14 " and "2.14" are the same room: case, spaces and the word "raum" do not count. */
    static String answerKey(String answer) {
        return answer.toLowerCase(Locale.ROOT).replace(" ", "").replace("raum", "");
    }

    /** Appends a history entry and sets status, priority and the update time in one step. */
    Ticket record(String number, HistoryEntry entry, TicketStatus status, Priority priority);
}
