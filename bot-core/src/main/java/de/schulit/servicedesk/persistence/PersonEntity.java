package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "person")
class PersonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "school_id", nullable = false, length = 40)
    private String schoolId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "language", length = 10)
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PersonEntity() {
    }

    PersonEntity(String schoolId, String name, Role role, String language, Instant createdAt) {
        this.schoolId = schoolId;
        this.name = name;
        this.role = role;
        this.language = language;
        this.createdAt = Timestamps.stored(createdAt);
    }

    void language(String language) {
        this.language = language;
    }

    Person toPerson() {
        return new Person(id, schoolId, name, role, language);
    }
}
