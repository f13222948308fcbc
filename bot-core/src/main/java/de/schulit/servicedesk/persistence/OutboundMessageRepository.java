package de.schulit.servicedesk.persistence;

import java.util.List;
import org.springframework.data.domain.Limit;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboundMessageRepository extends JpaRepository<OutboundMessageEntity, Long> {

    List<OutboundMessageEntity> findByChannelAndAddressAndIdGreaterThanOrderByIdAsc(String channel, String address,
                                                                                    long cursor, Limit limit);

    /** Per chat of the channel the oldest undelivered message, oldest first. */
    @Query("select m from OutboundMessageEntity m where m.id in (select min(h.id) from OutboundMessageEntity h"
            + " where h.channel = :channel and h.deliveredAt is null group by h.address) order by m.id")
    List<OutboundMessageEntity> findHeadsOfUndelivered(@Param("channel") String channel, Limit limit);

    long countByChannelAndDeliveredAtIsNull(String channel);

    java.util.Optional<OutboundMessageEntity> findFirstByChannelAndDeliveredAtIsNullOrderByIdAsc(String channel);

    @Modifying(flushAutomatically = true)
    @Query("update OutboundMessageEntity m set m.deliveredAt = :at where m.id = :id and m.deliveredAt is null")
    int markDelivered(@Param("id") long id, @Param("at") Instant at);
}
