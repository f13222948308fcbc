package de.schulit.servicedesk.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolRepository extends JpaRepository<SchoolEntity, String> {

    List<SchoolEntity> findAllByOrderByNameAscIdAsc();
}
