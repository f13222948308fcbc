package de.schulit.servicedesk.webchat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A web chat session as stored: only the SHA-256 hash of the session id, never the id itself
 * (the id is the browser's bearer secret). Read and written by {@link WebChatSessions} with plain JDBC; the entity
 * serves the retention job.
 */
@Entity
@Table(name = "webchat_session")
class WebChatSession {

    @Id
    @Column(name = "id_hash", length = 64, nullable = false, updatable = false)
    private String idHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected WebChatSession() {
        // for JPA
    }

    String idHash() {
        return idHash;
    }
}
