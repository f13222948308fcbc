package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.identity.EnrollmentCode;
import de.schulit.servicedesk.identity.EnrollmentCodes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link EnrollmentCodes} in the {@code enrollment_code} table. */
@Repository
@Transactional(readOnly = true)
public class JpaEnrollmentCodes implements EnrollmentCodes {

    private final EnrollmentCodeRepository codes;
    private final EntityManager entityManager;
    private final Clock clock;

    JpaEnrollmentCodes(EnrollmentCodeRepository codes, EntityManager entityManager, ObjectProvider<Clock> clock) {
        this.codes = codes;
        this.entityManager = entityManager;
        this.clock = Timestamps.clock(clock);
    }

    @Override
    @Transactional
    public void save(EnrollmentCode code) {
        codes.findById(code.code()).ifPresentOrElse(
                entity -> entity.update(code),
                () -> codes.save(new EnrollmentCodeEntity(code, clock.instant())));
    }

    @Override
    public Optional<EnrollmentCode> find(String code) {
        return codes.findById(code).map(EnrollmentCodeEntity::toCode);
    }

    @Override
    public List<EnrollmentCode> findBySchool(String schoolId) {
        return codes.findBySchoolIdOrderByCreatedAtAscCodeAsc(schoolId).stream()
                .map(EnrollmentCodeEntity::toCode)
                .toList();
    }

    @Override
    @Transactional
    public boolean claim(String code, Instant now) {
        boolean claimed = codes.claim(code, now) == 1;
        if (claimed) {
            // The update bypassed the persistence context; a copy loaded earlier in this transaction is refreshed
            // instead of clearing the context, which would detach the caller's other entities.
            entityManager.refresh(entityManager.find(EnrollmentCodeEntity.class, code));
        }
        return claimed;
    }
}
