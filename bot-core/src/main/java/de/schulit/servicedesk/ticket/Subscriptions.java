package de.schulit.servicedesk.ticket;

import java.util.List;

/**
 * Who joined which ticket. The requester is not stored here: "affected" means the requester plus the subscribers.
 * The {@link TicketDesk} is the only writer.
 */
public interface Subscriptions {

    /** Adds the subscriber; false if the person had already joined the ticket. */
    boolean add(String ticketNumber, Subscriber subscriber);

    /** Oldest first. */
    List<Subscriber> of(String ticketNumber);

    boolean isSubscribed(String ticketNumber, long personId);

    /** The numbers of the tickets the person joined, the most recently joined first, at most limit. */
    List<String> joinedBy(long personId, int limit);
}
