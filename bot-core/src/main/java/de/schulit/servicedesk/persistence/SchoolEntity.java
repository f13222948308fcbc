package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.school.School;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "school")
class SchoolEntity {

    @Id
    @Column(name = "id", nullable = false, length = 40)
    private String id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "matrix_domain", length = 255)
    private String matrixDomain;

    protected SchoolEntity() {
    }

    SchoolEntity(School school) {
        this.id = school.id();
        update(school);
    }

    void update(School school) {
        this.name = school.name();
        this.matrixDomain = school.matrixDomain();
    }

    School toSchool() {
        return new School(id, name, matrixDomain);
    }
}
