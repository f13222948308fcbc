package de.schulit.servicedesk.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketRepository extends JpaRepository<TicketEntity, Long> {

    Optional<TicketEntity> findByNumber(String number);
}
