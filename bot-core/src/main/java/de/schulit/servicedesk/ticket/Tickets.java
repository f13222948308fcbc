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

    /** The question id by which a service asks for the room; tickets are grouped by its answer. */
    String ROOM_QUESTION = "raum";

    /** Longest stored {@link #roomKey}: a room is a short code, and the key is indexed. */
    int ROOM_KEY_LENGTH = 100;

    /**
     * The number of the newest open ticket of one school's service and request type created at or after
     * {@code since}; with a room, only of one whose answer to {@link #ROOM_QUESTION} has the same {@link #roomKey}.
     */
    Optional<String> newestOpen(String schoolId, String serviceId, RequestType type, Instant since, String room);

    /**
     * "Raum 2.14", "raum 2.14 " and "2.14" are the same room: case, spaces and the word "raum" do not count.
     * Stored with each ticket, so that finding the same room's tickets is an index lookup.
     */
    static String roomKey(String answer) {
        String key = answer.toLowerCase(Locale.ROOT).replace(" ", "").replace("raum", "");
        return key.length() <= ROOM_KEY_LENGTH ? key : key.substring(0, ROOM_KEY_LENGTH);
    }

    /** Appends a history entry and sets status, priority and the update time in one step. */
    Ticket record(String number, HistoryEntry entry, TicketStatus status, Priority priority);
}
