package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.channel.PlainText;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.HistoryEntry;
import de.schulit.servicedesk.ticket.HistoryType;
import de.schulit.servicedesk.ticket.Priority;
import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketDesk;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketQuery;
import de.schulit.servicedesk.ticket.TicketStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The agents' room. As a ticket listener (registered with the {@link TicketDesk}) it posts every new ticket as a root
 * message and everything that happens to the ticket afterwards (requester messages and files, replies and status
 * changes from any source) into that message's thread. As the handler of the room's events it turns an agent's thread
 * text into a reply to the requester and runs the commands; only members the caller vouched for (power level or
 * allowlist) may act. Posts are written to {@code matrix_room_post} in the caller's transaction and sent by the
 * {@link MatrixDispatcher}.
 */
final class AgentRoomBridge {

    private static final Pattern COMMAND = Pattern.compile("!(\\p{L}+)(?:\\s+(.*))?", Pattern.DOTALL);
    private static final Map<String, TicketStatus> STATUS_WORDS = Map.of(
            "in-bearbeitung", TicketStatus.IN_PROGRESS,
            "wartend", TicketStatus.WAITING,
            "geloest", TicketStatus.RESOLVED,
            "gelöst", TicketStatus.RESOLVED,
            "geschlossen", TicketStatus.CLOSED);
    private static final int SUMMARY_LENGTH = 500;
    private static final int LIST_LIMIT = 30;
    /** The longest reply or note relayed, as through the agent API. */
    private static final int MAX_TEXT = 4000;

    private final String roomId;
    private final MatrixStore store;
    private final TicketDesk desk;
    private final Schools schools;
    private final ServiceCatalog catalog;
    private final Messages messages;
    private final Clock clock;
    private final int agentPowerLevel;
    /** Set while an agent's room message is handled: its own reply is confirmed briefly, not repeated. */
    private final ThreadLocal<String> actingAgent = new ThreadLocal<>();

    AgentRoomBridge(String roomId, MatrixStore store, TicketDesk desk, Schools schools, ServiceCatalog catalog,
                    Messages messages, Clock clock, int agentPowerLevel) {
        this.roomId = roomId;
        this.store = store;
        this.desk = desk;
        this.schools = schools;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
        this.agentPowerLevel = agentPowerLevel;
    }

    String roomId() {
        return roomId;
    }

    // --- ticket events into the room -------------------------------------------------------------------------------

    void on(TicketEvent event) {
        Ticket ticket = event.ticket();
        if (event instanceof TicketEvent.TicketCreated) {
            root(ticket);
            ticket.attachments().forEach(a -> file(ticket, a));
        } else if (event instanceof TicketEvent.RequesterFollowedUp followUp) {
            HistoryEntry entry = followUp.message();
            if (entry.type() == HistoryType.ATTACHMENT) {
                thread(ticket, text("matrix.agents.requesterFile", entry.author(), entry.text()));
                ticket.attachments().stream().max(Comparator.comparingLong(AttachmentRef::id))
                        .ifPresent(newest -> file(ticket, newest));
            } else {
                thread(ticket, text("matrix.agents.requesterMessage", entry.author(), entry.text()));
            }
        } else if (event instanceof TicketEvent.AgentReplied replied) {
            thread(ticket, actingAgent.get() != null
                    ? text("matrix.agents.replySent", replied.reply().author())
                    : text("matrix.agents.apiReply", replied.reply().author(), replied.reply().text()));
        } else if (event instanceof TicketEvent.TicketStatusChanged changed) {
            String line = text("matrix.agents.statusChanged", status(changed.from()), status(ticket.status()),
                    changed.change().author());
            String comment = changed.change().text();
            thread(ticket, comment == null || comment.isBlank() ? line
                    : line + "\n" + text("matrix.agents.statusComment", comment));
        } else if (event instanceof TicketEvent.SubscriberJoined joined) {
            // An outage grows: the agents see how many people wait for news, and each newcomer's words.
            thread(ticket, text("matrix.agents.subscriberJoined", joined.subscriber().name(),
                    joined.subscriber().address().channel(), joined.affected(), joined.message().text()));
            updateRoot(ticket, joined.affected());
        } else if (event instanceof TicketEvent.TicketAssigned assigned) {
            thread(ticket, text("matrix.agents.assigned", assigned.assignment().text(), assigned.assignment().author()));
        } else if (event instanceof TicketEvent.PriorityChanged changed) {
            thread(ticket, text("matrix.agents.priorityChanged", priority(changed.from()), priority(ticket.priority()),
                    changed.change().author()));
            updateRoot(ticket, 1 + desk.subscribers(ticket.number()).size());
        }
    }

    private void root(Ticket ticket) {
        if (store.hasThread(ticket.number())) {
            return;
        }
        String body = rootText(ticket, 1);
        store.post(roomId, ticket.number(), true, body, rootHtml(body), clock.instant());
    }

    /** The root post shows the ticket as it is now: an edit after a change of priority or of the people affected. */
    private void updateRoot(Ticket ticket, int affected) {
        String body = rootText(ticket, affected);
        store.postRootEdit(roomId, ticket.number(), body, rootHtml(body), clock.instant());
    }

    private String rootText(Ticket ticket, int affected) {
        String school = schools.find(ticket.schoolId()).map(School::name).orElse(ticket.schoolId());
        String service = catalog.find(ticket.serviceId()).map(s -> s.name(Messages.GERMAN)).orElse(ticket.serviceId());
        String summary = ticket.description().length() > SUMMARY_LENGTH
                ? ticket.description().substring(0, SUMMARY_LENGTH - 1) + "…" : ticket.description();
        return text("matrix.agents.ticket", ticket.number(), school + " (" + ticket.schoolId() + ")", service,
                text("type." + ticket.requestType().id()), priority(ticket.priority()), ticket.title(), summary,
                ticket.requester().name(), ticket.requester().address() == null ? "-" // pseudonymised
                        : ticket.requester().address().channel())
                + (affected > 1 ? "\n" + text("matrix.agents.affected", affected) : "")
                + (ticket.attachments().isEmpty() ? "" : "\n" + text("matrix.agents.attachments", ticket.attachments()
                        .stream().map(a -> a.fileName() + " (" + a.mimeType() + ")").collect(Collectors.joining(", "))))
                + "\n" + text("matrix.agents.ticketHint");
    }

    private static String rootHtml(String body) {
        int firstLine = body.indexOf('\n');
        return "<b>" + MatrixOutboundMapper.escape(body.substring(0, firstLine)) + "</b><br>"
                + MatrixOutboundMapper.lines(body.substring(firstLine + 1));
    }

    /** A post in the ticket's thread; a ticket from before the bridge gets its root post first. */
    private void thread(Ticket ticket, String body) {
        root(ticket);
        store.post(roomId, ticket.number(), false, body, MatrixOutboundMapper.lines(body), clock.instant());
    }

    private void file(Ticket ticket, AttachmentRef attachment) {
        store.postFile(roomId, ticket.number(), attachment.id(), attachment.fileName(), clock.instant());
    }

    private void inRoom(String body) {
        store.post(roomId, null, false, body, MatrixOutboundMapper.lines(body), clock.instant());
    }

    // --- the room's messages ------------------------------------------------------------------------------------------

    /** True when the event is an agent's text the bridge acts on, so the caller checks the sender's rights first. */
    static boolean wantsAction(JsonNode event, Optional<String> threadTicket) {
        String body = MatrixInboundMapper.withoutReplyFallback(event.path("content")).strip();
        return threadTicket.isPresent() || body.startsWith("!");
    }

    /**
     * Handles one message of the room in the caller's transaction. {@code mayAct} says whether the sender may act;
     * refusals change nothing. Plain text in the room root is the agents' own conversation and is left alone.
     */
    void handle(JsonNode event, Optional<String> threadTicket, Predicate<String> mayAct) {
        String sender = event.path("sender").asString();
        String body = PlainText.clean(MatrixInboundMapper.withoutReplyFallback(event.path("content")));
        if (body.isEmpty() || (threadTicket.isEmpty() && !body.startsWith("!"))) {
            return;
        }
        if (!mayAct.test(sender)) {
            String refusal = text("matrix.agents.refused", sender, agentPowerLevel);
            threadTicket.flatMap(desk::find).ifPresentOrElse(t -> thread(t, refusal), () -> inRoom(refusal));
            return;
        }
        Matcher command = COMMAND.matcher(body);
        String name = command.matches() ? command.group(1).toLowerCase(Locale.ROOT) : null;
        String argument = command.matches() && command.group(2) != null ? command.group(2).strip() : "";
        if (threadTicket.isEmpty()) {
            if ("tickets".equals(name)) {
                listOpen(argument);
            } else {
                inRoom(text("matrix.agents.inThread") + "\n" + text("matrix.agents.usage"));
            }
            return;
        }
        Optional<Ticket> ticket = threadTicket.flatMap(desk::find);
        if (ticket.isEmpty()) {
            return;
        }
        if (body.codePointCount(0, body.length()) > MAX_TEXT) {
            thread(ticket.get(), text("matrix.agents.tooLong", MAX_TEXT));
            return;
        }
        actingAgent.set(sender);
        try {
            act(ticket.get(), sender, name, argument, body);
        } catch (IllegalArgumentException e) {
            thread(ticket.get(), text("matrix.agents.failed", e.getMessage()));
        } finally {
            actingAgent.remove();
        }
    }

    private void act(Ticket ticket, String agent, String command, String argument, String body) {
        if (command == null) {
            desk.reply(ticket.number(), agent, body, false);
            return;
        }
        switch (command) {
            case "status" -> {
                String[] parts = argument.split("\\s+", 2);
                TicketStatus status = STATUS_WORDS.get(parts[0].toLowerCase(Locale.ROOT));
                if (status == null) {
                    thread(ticket, text("matrix.agents.usage"));
                    return;
                }
                desk.changeStatus(ticket.number(), status, parts.length > 1 ? parts[1].strip() : "", agent);
            }
            case "notiz" -> {
                if (argument.isEmpty()) {
                    thread(ticket, text("matrix.agents.usage"));
                    return;
                }
                desk.reply(ticket.number(), agent, argument, true);
                thread(ticket, text("matrix.agents.noteSaved"));
            }
            case "zuweisen" -> {
                if (!MatrixProperties.USER_ID.matcher(argument).matches()) {
                    thread(ticket, text("matrix.agents.usage"));
                    return;
                }
                desk.assign(ticket.number(), argument, agent);
            }
            case "prio" -> {
                Optional<Priority> priority = parsePriority(argument);
                if (priority.isEmpty()) {
                    thread(ticket, text("matrix.agents.usage"));
                    return;
                }
                desk.changePriority(ticket.number(), priority.get(), agent);
            }
            default -> thread(ticket, text("matrix.agents.usage"));
        }
    }

    private void listOpen(String schoolId) {
        String school = schoolId.isBlank() ? null : schoolId.strip().toLowerCase(Locale.ROOT);
        String scope = school == null ? "" : " (" + school + ")";
        List<Ticket> open = desk.search(new TicketQuery(school, null, null, 500)).stream()
                .filter(t -> t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED)
                .limit(LIST_LIMIT).toList();
        if (open.isEmpty()) {
            inRoom(text("matrix.agents.noOpenTickets", scope));
            return;
        }
        StringBuilder list = new StringBuilder(text("matrix.agents.openTickets", scope));
        for (Ticket t : open) {
            list.append("\n").append(t.number()).append(" · ").append(t.priority().name()).append(" · ")
                    .append(status(t.status())).append(" · ").append(t.schoolId()).append(" · ").append(t.title());
            // an outage's ticket stands out by the people waiting for it
            int affected = 1 + desk.subscribers(t.number()).size();
            if (affected > 1) {
                list.append(" · ").append(text("matrix.agents.affected", affected));
            }
        }
        inRoom(list.toString());
    }

    private static Optional<Priority> parsePriority(String value) {
        try {
            return Optional.of(Priority.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String status(TicketStatus status) {
        return text("status." + status.name());
    }

    private String priority(Priority priority) {
        return text("priority." + priority.name());
    }

    private String text(String key, Object... args) {
        return messages.text(Messages.GERMAN, key, args);
    }
}
