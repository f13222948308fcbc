package de.schulit.servicedesk.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelIdentityRepository extends JpaRepository<ChannelIdentityEntity, AddressKey> {

    List<ChannelIdentityEntity> findByPersonIdOrderByCreatedAtAsc(long personId);
}
