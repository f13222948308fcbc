package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.Ticket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer to /meine-daten (Art. 15 DSGVO): the person, their chat identities, their own tickets and the tickets
 * they joined, with everything of the history they may read, as plain text in their language. Internal notes are left
 * out, and so is what other people wrote (somebody who joined, a coordinator's follow-up): a coordinator's view of
 * other people's tickets is not their personal data and is not included.
 */
final class DataExport {

    static final int TICKET_LIMIT = 100;

    private final Messages messages;
    private final String language;
    private final DateTimeFormatter format;

    DataExport(Messages messages, String language, ZoneId zone) {
        this.messages = messages;
        this.language = language;
        this.format = DateTimeFormatter.ofPattern(messages.text(language, "format.dateTime")).withZone(zone);
    }

    /** History entries whose author is whoever wrote in the chat; only the person's own are theirs to see here. */
    private static final Set<HistoryType> CHAT_ENTRIES =
            EnumSet.of(HistoryType.CREATED, HistoryType.REQUESTER_MESSAGE, HistoryType.ATTACHMENT, HistoryType.RATING);

    String of(Person person, String schoolName, List<ChannelAddress> identities, List<Ticket> tickets,
              List<Ticket> joined, Instant now) {
        StringBuilder text = new StringBuilder(text("privacy.export.header", format.format(now)));
        text.append('\n').append(text("privacy.export.person", person.name(), schoolName,
                text("privacy.export.role." + person.role().name()), Messages.supported(person.language())));
        text.append('\n').append(text("privacy.export.identities", identities.stream()
                .map(a -> text("privacy.export.channel", a.channel(), a.id())).collect(Collectors.joining(", "))));
        if (tickets.isEmpty()) {
            text.append("\n\n").append(text("privacy.export.noTickets"));
        }
        tickets.forEach(ticket -> ticket(text, person, ticket));
        if (!joined.isEmpty()) {
            text.append("\n\n").append(text("privacy.export.joined"));
            joined.forEach(ticket -> ticket(text, person, ticket));
        }
        text.append("\n\n").append(text("privacy.export.footer"));
        return text.toString();
    }

    private void ticket(StringBuilder text, Person person, Ticket ticket) {
        text.append("\n\n").append(text("privacy.export.ticket", ticket.number(), ticket.title(),
                text("status." + ticket.status().name()), format.format(ticket.createdAt())));
        if (ticket.requester().personId() == person.id()) {
            ticket.fields().forEach((key, value) -> text.append('\n').append(text("privacy.export.field", key, value)));
            ticket.attachments().forEach(file -> text.append('\n').append(text("privacy.export.attachment",
                    file.fileName())));
        }
        for (HistoryEntry entry : ticket.history()) {
            boolean theirs = !CHAT_ENTRIES.contains(entry.type()) || person.name().equals(entry.author());
            if (entry.isPublic() && theirs) {
                text.append('\n').append(text("privacy.export.entry", format.format(entry.at()),
                        text("privacy.export.history." + entry.type().name()),
                        entry.text() == null ? "" : entry.text()));
            }
        }
    }

    private String text(String key, Object... args) {
        return messages.text(language, key, args);
    }
}
