package de.schulit.servicedesk.ticket;

/** What happened to a ticket, told to the listeners in the same transaction. */
public sealed interface TicketEvent {

    Ticket ticket();

    record TicketCreated(Ticket ticket) implements TicketEvent {
    }

    record AgentReplied(Ticket ticket, HistoryEntry reply) implements TicketEvent {
    }

    record TicketStatusChanged(Ticket ticket, TicketStatus from, HistoryEntry change) implements TicketEvent {
    }

    record RequesterFollowedUp(Ticket ticket, HistoryEntry message) implements TicketEvent {
    }

    record TicketAssigned(Ticket ticket, HistoryEntry assignment) implements TicketEvent {
    }

    record PriorityChanged(Ticket ticket, Priority from, HistoryEntry change) implements TicketEvent {
    }

    /** Somebody else reported the same problem and joined; affected counts the requester and all subscribers. */
    record SubscriberJoined(Ticket ticket, Subscriber subscriber, HistoryEntry message, int affected)
            implements TicketEvent {
    }
}
