package de.schulit.servicedesk.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EnrollmentCodeRepository extends JpaRepository<EnrollmentCodeEntity, String> {

    List<EnrollmentCodeEntity> findBySchoolIdOrderByCreatedAtAscCodeAsc(String schoolId);

    /** One statement, so that concurrent claims never exceed max_uses. */
    @Modifying(flushAutomatically = true)
    @Query("""
            update EnrollmentCodeEntity c set c.uses = c.uses + 1
            where c.code = :code and c.uses < c.maxUses and c.expiresAt > :now""")
    int claim(@Param("code") String code, @Param("now") Instant now);
}
