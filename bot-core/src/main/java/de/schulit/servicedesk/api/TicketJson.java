package de.schulit.servicedesk.api;

import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.Subscriber;
import de.schulit.servicedesk.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ticket as SPEC.md shows it to agents; the list view leaves out the history. Beyond SPEC.md: attachments,
 * the people who joined the ticket (subscribers), how many people are affected (the requester plus them), and who
 * it is assigned to (null when nobody).
 */
record TicketJson(String number, String schoolId, String serviceId, String requestType, String priority,
                  String status, String title, String description, Map<String, String> fields,
                  RequesterJson requester, Instant createdAt, Instant updatedAt, List<HistoryJson> history,
                  List<AttachmentJson> attachments, int affected, List<SubscriberJson> subscribers, String assignee) {

    record RequesterJson(Long personId, String name, String channel) {
    }

    record SubscriberJson(long personId, String name, String channel, Instant joinedAt) {
        static SubscriberJson of(Subscriber subscriber) {
            return new SubscriberJson(subscriber.personId(), subscriber.name(),
                    subscriber.address() == null ? null : subscriber.address().channel(), subscriber.joinedAt());
        }
    }

    record HistoryJson(String type, String author, String text, String status, Instant at) {
        static HistoryJson of(HistoryEntry entry) {
            return new HistoryJson(entry.type().name(), entry.author(), entry.text(),
                    entry.status() == null ? null : entry.status().name(), entry.at());
        }
    }

    record AttachmentJson(long id, String fileName, String mimeType, long size) {
        static AttachmentJson of(AttachmentRef ref) {
            return new AttachmentJson(ref.id(), ref.fileName(), ref.mimeType(), ref.size());
        }
    }

    static TicketJson of(Ticket ticket, List<Subscriber> subscribers, boolean withHistory) {
        return new TicketJson(ticket.number(), ticket.schoolId(), ticket.serviceId(), ticket.requestType().id(),
                ticket.priority().name(), ticket.status().name(), ticket.title(), ticket.description(), ticket.fields(),
                new RequesterJson(ticket.requester().personId(), ticket.requester().name(),
                        ticket.requester().address() == null ? null : ticket.requester().address().channel()),
                ticket.createdAt(), ticket.updatedAt(),
                withHistory ? ticket.history().stream().map(HistoryJson::of).toList() : null,
                ticket.attachments().stream().map(AttachmentJson::of).toList(),
                1 + subscribers.size(), subscribers.stream().map(SubscriberJson::of).toList(),
                ticket.assignee().orElse(null));
    }
}
