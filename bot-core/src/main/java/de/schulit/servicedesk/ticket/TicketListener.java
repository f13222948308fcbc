package de.schulit.servicedesk.ticket;

/** Reacts to ticket events (notify the requester, post to the agents' room, ...). */
@FunctionalInterface
public interface TicketListener {

    void on(TicketEvent event);
}
