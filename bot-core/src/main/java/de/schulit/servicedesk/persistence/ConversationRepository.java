package de.schulit.servicedesk.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<ConversationEntity, AddressKey> {

    List<ConversationEntity> findByInIntakeTrueAndUpdatedAtBeforeOrderByUpdatedAt(Instant before, Limit limit);
}
