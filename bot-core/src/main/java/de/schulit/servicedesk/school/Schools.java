package de.schulit.servicedesk.school;

import java.util.List;
import java.util.Optional;

/** The schools known to the desk (from schools.yml, plus demo schools in demo mode). */
public interface Schools {

    List<School> all();

    Optional<School> find(String id);

    void save(School school);
}
