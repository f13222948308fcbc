package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.catalog.CatalogService;
import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.ticket.PriorityMatrix;
import de.schulit.servicedesk.ticket.TicketDesk;
import de.schulit.servicedesk.ticket.Tickets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the open ticket a new report probably duplicates: same school, same service and request type, created
 * within the window, and, where the service asks for the room, the same room. The newest such ticket wins.
 * Security incidents are never grouped: every affected device and account needs its own handling.
 */
final class OutageGrouping {

    private final TicketDesk desk;
    private final Clock clock;
    private final Duration window;

    OutageGrouping(TicketDesk desk, Clock clock, Duration window) {
        this.desk = desk;
        this.clock = clock;
        this.window = window;
    }

    static boolean asksForRoom(CatalogService service, RequestType type) {
        return service.questionsFor(type).stream().anyMatch(q -> q.id().equals(Tickets.ROOM_QUESTION));
    }

    /** Whether the grouping can be decided with what the draft holds (the room, if the service asks for it). */
    static boolean ready(CatalogService service, RequestType type, Map<String, String> answers) {
        return !asksForRoom(service, type) || answers.containsKey(Tickets.ROOM_QUESTION);
    }

    /** The number of the open ticket the report probably duplicates. */
    Optional<String> match(String schoolId, CatalogService service, RequestType type, Map<String, String> answers) {
        if (window.isZero() || PriorityMatrix.SECURITY_SERVICE.equals(service.id())) {
            return Optional.empty();
        }
        Instant since = clock.instant().minus(window);
        if (!asksForRoom(service, type)) {
            return desk.newestOpen(schoolId, service.id(), type, since, null);
        }
        String room = answers.get(Tickets.ROOM_QUESTION);
        return room == null ? Optional.empty()
                : desk.newestOpen(schoolId, service.id(), type, since, room);
    }
}
