package de.schulit.servicedesk.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of the outbox; the id is the cursor a channel reads by. Options are a JSON array. */
@Entity
@Table(name = "outbound_message")
class OutboundMessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "channel", nullable = false, length = 32)
    private String channel;

    @Column(name = "address", nullable = false, length = 255)
    private String address;

    @Column(name = "text", nullable = false, columnDefinition = "TEXT")
    private String text;

    @Column(name = "options", nullable = false, columnDefinition = "TEXT")
    private String options;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected OutboundMessageEntity() {
    }

    Long id() {
        return id;
    }

    String channel() {
        return channel;
    }

    String address() {
        return address;
    }

    String text() {
        return text;
    }

    String options() {
        return options;
    }

    Instant createdAt() {
        return createdAt;
    }
}
