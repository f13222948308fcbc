package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.ticket.Subscriber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "ticket_subscriber")
class TicketSubscriberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "ticket_number", nullable = false, length = 32)
    private String ticketNumber;

    /** Null once pseudonymised (data protection), like channel and address. */
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "channel", length = 32)
    private String channel;

    @Column(name = "address", length = 255)
    private String address;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected TicketSubscriberEntity() {
    }

    TicketSubscriberEntity(String ticketNumber, Subscriber subscriber) {
        this.ticketNumber = ticketNumber;
        this.personId = subscriber.personId();
        this.name = subscriber.name();
        this.channel = subscriber.address().channel();
        this.address = subscriber.address().id();
        this.joinedAt = Timestamps.stored(subscriber.joinedAt());
    }

    String ticketNumber() {
        return ticketNumber;
    }

    Subscriber toSubscriber() {
        return new Subscriber(personId == null ? 0 : personId, name,
                channel == null ? null : new ChannelAddress(channel, address), joinedAt);
    }
}
