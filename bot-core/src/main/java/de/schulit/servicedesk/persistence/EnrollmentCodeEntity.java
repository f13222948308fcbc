package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.identity.EnrollmentCode;
import de.schulit.servicedesk.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "enrollment_code")
class EnrollmentCodeEntity {

    @Id
    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "school_id", nullable = false, length = 40)
    private String schoolId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "max_uses", nullable = false)
    private int maxUses;

    @Column(name = "uses", nullable = false)
    private int uses;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EnrollmentCodeEntity() {
    }

    EnrollmentCodeEntity(EnrollmentCode code, Instant createdAt) {
        this.code = code.code();
        this.createdAt = Timestamps.stored(createdAt);
        update(code);
    }

    void update(EnrollmentCode code) {
        this.schoolId = code.schoolId();
        this.role = code.role();
        this.maxUses = code.maxUses();
        this.uses = code.uses();
        this.expiresAt = Timestamps.stored(code.expiresAt());
    }

    EnrollmentCode toCode() {
        return new EnrollmentCode(code, schoolId, role, maxUses, uses, expiresAt);
    }
}
