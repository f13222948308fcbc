package de.schulit.servicedesk.ticket;

import java.time.Instant;

/** One line of a ticket's history; status is set for STATUS_CHANGE (the new status), text may be empty there. */
public record HistoryEntry(HistoryType type, String author, String text, TicketStatus status, Instant at) {

    public boolean isPublic() {
        return type != HistoryType.INTERNAL_NOTE && type != HistoryType.ASSIGNMENT;
    }
}
