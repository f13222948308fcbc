package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.catalog.RequestType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ticket with its complete history, oldest entry first. Fields keep the order the questions were asked in. */
public record Ticket(String number, String schoolId, Requester requester, String serviceId, RequestType requestType,
                     Priority priority, TicketStatus status, String title, String description,
                     Map<String, String> fields, Instant createdAt, Instant updatedAt,
                     List<HistoryEntry> history, List<AttachmentRef> attachments) {

    public Ticket {
        history = List.copyOf(history);
        attachments = List.copyOf(attachments);
    }

    /** The newest message of the service desk the requester may read (a reply, or a status change's comment). */
    public Optional<HistoryEntry> lastPublicAnswer() {
        return history.stream()
                .filter(h -> h.type() == HistoryType.AGENT_REPLY
                        || (h.type() == HistoryType.STATUS_CHANGE && h.text() != null && !h.text().isBlank()))
                .max(Comparator.comparing(HistoryEntry::at));
    }

    /** Who the ticket is assigned to (the newest assignment), if anybody. */
    public Optional<String> assignee() {
        return history.stream().filter(h -> h.type() == HistoryType.ASSIGNMENT)
                .max(Comparator.comparing(HistoryEntry::at)).map(HistoryEntry::text);
    }

    /** When the status last changed (or the ticket was created). */
    public Instant statusSince() {
        return history.stream().filter(h -> h.type() == HistoryType.STATUS_CHANGE)
                .map(HistoryEntry::at).max(Comparator.naturalOrder()).orElse(createdAt);
    }
}
