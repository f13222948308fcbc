package de.schulit.servicedesk.ticket;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.identity.Person;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The only writer of tickets: opens them, adds messages and status changes, and tells its listeners.
 * Also the one place that decides who may see a ticket.
 */
public final class TicketDesk {

    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;
    private final List<TicketListener> listeners = new CopyOnWriteArrayList<>();

    public TicketDesk(Tickets tickets, Subscriptions subscriptions, Clock clock, ZoneId zone, String prefix) {
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
    }

    public void addListener(TicketListener listener) {
        listeners.add(listener);
    }

    public String prefix() {
        return prefix;
    }

    public Ticket open(NewTicket draft) {
        Instant now = clock.instant();
        int year = now.atZone(zone).getYear();
        String number = new TicketNumber(prefix, year, tickets.nextSequence(year)).toString();
        Ticket ticket = tickets.insert(number, draft, now);
        publish(new TicketEvent.TicketCreated(ticket));
        return ticket;
    }

    public Optional<Ticket> find(String number) {
        return TicketNumber.parse(number).flatMap(n -> tickets.find(n.toString()));
    }

    public List<Ticket> search(TicketQuery query) {
        return tickets.search(query);
    }

    /** See {@link Tickets#newestOpen}. */
    public Optional<String> newestOpen(String schoolId, String serviceId, RequestType type, Instant since,
                                       String room) {
        return tickets.newestOpen(schoolId, serviceId, type, since, room);
    }

    /**
     * A person sees their own tickets and those they joined; a coordinator all of their school's; nobody another
     * school's (not even a ticket they joined before changing schools).
     */
    public boolean mayView(Person person, Ticket ticket) {
        if (!person.schoolId().equals(ticket.schoolId())) {
            return false;
        }
        return person.isCoordinator() || ticket.requester().personId() == person.id()
                || subscriptions.isSubscribed(ticket.number(), person.id());
    }

    public Optional<Ticket> findVisible(Person person, String number) {
        return find(number).filter(t -> mayView(person, t));
    }

    /** Newest first: a coordinator's school, everybody else their own and the ones they joined. */
    public List<Ticket> visibleTickets(Person person, int limit) {
        if (person.isCoordinator()) {
            return tickets.search(new TicketQuery(person.schoolId(), null, null, limit));
        }
        List<Ticket> visible = new ArrayList<>(tickets.search(new TicketQuery(person.schoolId(), null, person.id(), limit)));
        visible.addAll(joinedTickets(person, limit));
        return visible.stream()
                .sorted(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::number).reversed())
                .limit(limit).toList();
    }

    /** The tickets of the person's school they joined, the most recently joined first. */
    public List<Ticket> joinedTickets(Person person, int limit) {
        return subscriptions.joinedBy(person.id(), limit).stream().map(this::find).flatMap(Optional::stream)
                .filter(ticket -> ticket.schoolId().equals(person.schoolId())).toList();
    }

    /** The people who joined the ticket, oldest first; the requester is not among them. */
    public List<Subscriber> subscribers(String number) {
        return subscriptions.of(number);
    }

    /**
     * The person reports the same problem: they join the ticket, their description is recorded as their message,
     * and from now on they hear about it like the requester. Joining twice records only the message.
     */
    public Ticket join(Ticket ticket, Person person, ChannelAddress address, String text) {
        Instant now = clock.instant();
        Subscriber subscriber = new Subscriber(person.id(), person.name(), address, now);
        boolean added = ticket.requester().personId() != person.id() && subscriptions.add(ticket.number(), subscriber);
        HistoryEntry entry = new HistoryEntry(HistoryType.REQUESTER_MESSAGE, person.name(), text, null, now);
        Ticket updated = tickets.record(ticket.number(), entry, ticket.status(), ticket.priority());
        publish(added
                ? new TicketEvent.SubscriberJoined(updated, subscriber, entry, 1 + subscriptions.of(ticket.number()).size())
                : new TicketEvent.RequesterFollowedUp(updated, entry));
        return updated;
    }

    /** The requester's (or a subscriber's) rating 1-5 after they confirmed the solution. */
    public Ticket rate(Ticket ticket, Person person, int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1-5: " + rating);
        }
        HistoryEntry entry = new HistoryEntry(HistoryType.RATING, person.name(), Integer.toString(rating), null,
                clock.instant());
        return tickets.record(ticket.number(), entry, ticket.status(), ticket.priority());
    }

    public Ticket followUp(Ticket ticket, Person author, String text) {
        HistoryEntry entry = new HistoryEntry(HistoryType.REQUESTER_MESSAGE, author.name(), text, null, clock.instant());
        Ticket updated = tickets.record(ticket.number(), entry, ticket.status(), ticket.priority());
        publish(new TicketEvent.RequesterFollowedUp(updated, entry));
        return updated;
    }

    public Ticket attachmentAdded(Ticket ticket, Person author, AttachmentRef attachment) {
        HistoryEntry entry = new HistoryEntry(HistoryType.ATTACHMENT, author.name(),
                attachment.fileName() + " (" + attachment.mimeType() + ", " + attachment.size() + " Bytes)", null,
                clock.instant());
        Ticket updated = tickets.record(ticket.number(), entry, ticket.status(), ticket.priority());
        publish(new TicketEvent.RequesterFollowedUp(updated, entry));
        return updated;
    }

    public Ticket reply(String number, String agent, String text, boolean internal) {
        Ticket ticket = require(number);
        HistoryType type = internal ? HistoryType.INTERNAL_NOTE : HistoryType.AGENT_REPLY;
        HistoryEntry entry = new HistoryEntry(type, agent, text, null, clock.instant());
        Ticket updated = tickets.record(ticket.number(), entry, ticket.status(), ticket.priority());
        if (!internal) {
            publish(new TicketEvent.AgentReplied(updated, entry));
        }
        return updated;
    }

    public Ticket changeStatus(String number, TicketStatus status, String comment, String agent) {
        Ticket ticket = require(number);
        if (ticket.status() == status) {
            throw new IllegalArgumentException("Das Ticket hat bereits den Status " + status);
        }
        HistoryEntry entry = new HistoryEntry(HistoryType.STATUS_CHANGE, agent, comment == null ? "" : comment,
                status, clock.instant());
        Ticket updated = tickets.record(ticket.number(), entry, status, ticket.priority());
        publish(new TicketEvent.TicketStatusChanged(updated, ticket.status(), entry));
        return updated;
    }

    /** Internal: the requester is not told who works on the ticket. */
    public Ticket assign(String number, String assignee, String agent) {
        Ticket ticket = require(number);
        HistoryEntry entry = new HistoryEntry(HistoryType.ASSIGNMENT, agent, assignee, null, clock.instant());
        Ticket updated = tickets.record(ticket.number(), entry, ticket.status(), ticket.priority());
        publish(new TicketEvent.TicketAssigned(updated, entry));
        return updated;
    }

    public Ticket changePriority(String number, Priority priority, String agent) {
        Ticket ticket = require(number);
        if (ticket.priority() == priority) {
            throw new IllegalArgumentException("Das Ticket hat bereits die Priorität " + priority);
        }
        HistoryEntry entry = new HistoryEntry(HistoryType.PRIORITY_CHANGE, agent, priority.name(), null, clock.instant());
        Ticket updated = tickets.record(ticket.number(), entry, ticket.status(), priority);
        publish(new TicketEvent.PriorityChanged(updated, ticket.priority(), entry));
        return updated;
    }

    private Ticket require(String number) {
        return find(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    private void publish(TicketEvent event) {
        listeners.forEach(l -> l.on(event));
    }
}
