package de.schulit.servicedesk.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface EnrollmentCodes {

    void save(EnrollmentCode code);

    Optional<EnrollmentCode> find(String code);

    List<EnrollmentCode> findBySchool(String schoolId);

    /** Counts one use if the code is still redeemable at that time; atomic, so maxUses holds under concurrency. */
    boolean claim(String code, Instant now);
}
