package de.schulit.servicedesk.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<ConversationEntity, AddressKey> {
}
