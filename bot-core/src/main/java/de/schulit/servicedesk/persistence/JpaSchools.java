package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link Schools} in the {@code school} table; save inserts or updates by id. */
@Repository
@Transactional(readOnly = true)
public class JpaSchools implements Schools {

    private final SchoolRepository schools;

    JpaSchools(SchoolRepository schools) {
        this.schools = schools;
    }

    @Override
    public List<School> all() {
        return schools.findAllByOrderByNameAscIdAsc().stream().map(SchoolEntity::toSchool).toList();
    }

    @Override
    public Optional<School> find(String id) {
        return schools.findById(id).map(SchoolEntity::toSchool);
    }

    @Override
    @Transactional
    public void save(School school) {
        schools.findById(school.id()).ifPresentOrElse(
                entity -> entity.update(school),
                () -> schools.save(new SchoolEntity(school)));
    }
}
