package de.schulit.servicedesk.identity;

import java.time.Instant;

/** A code the service desk hands to a school; each use links one chat identity to a new person. */
public record EnrollmentCode(String code, String schoolId, Role role, int maxUses, int uses, Instant expiresAt) {

    public boolean redeemableAt(Instant now) {
        return uses < maxUses && now.isBefore(expiresAt);
    }
}
