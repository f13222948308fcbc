package de.schulit.servicedesk.persistence;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketSubscriberRepository extends JpaRepository<TicketSubscriberEntity, Long> {

    List<TicketSubscriberEntity> findByTicketNumberOrderById(String ticketNumber);

    boolean existsByTicketNumberAndPersonId(String ticketNumber, long personId);

    List<TicketSubscriberEntity> findByPersonIdOrderByIdDesc(long personId, Limit limit);
}
