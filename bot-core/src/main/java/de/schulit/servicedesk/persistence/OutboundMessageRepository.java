package de.schulit.servicedesk.persistence;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboundMessageRepository extends JpaRepository<OutboundMessageEntity, Long> {

    List<OutboundMessageEntity> findByChannelAndAddressAndIdGreaterThanOrderByIdAsc(String channel, String address,
                                                                                    long cursor, Limit limit);
}
