package de.schulit.servicedesk.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Closes RESOLVED tickets whose requester has not answered "Ist das Problem gelöst?" within the configured time:
 * silence counts as agreement. Run periodically; each run looks at a bounded batch of the newest RESOLVED tickets.
 */
public final class ResolvedTicketCloser {

    static final String AUTHOR = "Servicedesk-Bot";
    static final int BATCH = 500;

    private final TicketDesk desk;
    private final Clock clock;
    private final Duration closeAfter;
    private final Counter closed;

    public ResolvedTicketCloser(TicketDesk desk, Clock clock, Duration closeAfter, MeterRegistry meters) {
        this.desk = desk;
        this.clock = clock;
        this.closeAfter = closeAfter;
        this.closed = Counter.builder("servicedesk.tickets.autoclosed")
                .description("Resolved tickets closed without an answer of the requester").register(meters);
    }

    /** Closes what is due; returns how many tickets were closed. */
    public int run() {
        Instant due = clock.instant().minus(closeAfter);
        int count = 0;
        for (Ticket ticket : desk.search(new TicketQuery(null, TicketStatus.RESOLVED, null, BATCH))) {
            if (!ticket.statusSince().isAfter(due)) {
                desk.changeStatus(ticket.number(), TicketStatus.CLOSED, "", AUTHOR);
                closed.increment();
                count++;
            }
        }
        return count;
    }
}
