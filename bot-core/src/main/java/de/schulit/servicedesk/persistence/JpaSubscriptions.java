package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.ticket.Subscriber;
import de.schulit.servicedesk.ticket.Subscriptions;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link Subscriptions} in the {@code ticket_subscriber} table. */
@Repository
@Transactional(readOnly = true)
public class JpaSubscriptions implements Subscriptions {

    private final TicketSubscriberRepository subscribers;

    JpaSubscriptions(TicketSubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    @Transactional
    public boolean add(String ticketNumber, Subscriber subscriber) {
        if (subscribers.existsByTicketNumberAndPersonId(ticketNumber, subscriber.personId())) {
            return false;
        }
        subscribers.saveAndFlush(new TicketSubscriberEntity(ticketNumber, subscriber));
        return true;
    }

    @Override
    public List<Subscriber> of(String ticketNumber) {
        return subscribers.findByTicketNumberOrderById(ticketNumber).stream()
                .map(TicketSubscriberEntity::toSubscriber).toList();
    }

    @Override
    public boolean isSubscribed(String ticketNumber, long personId) {
        return subscribers.existsByTicketNumberAndPersonId(ticketNumber, personId);
    }

    @Override
    public List<String> joinedBy(long personId, int limit) {
        return subscribers.findByPersonIdOrderByIdDesc(personId, Limit.of(limit)).stream()
                .map(TicketSubscriberEntity::ticketNumber).toList();
    }
}
