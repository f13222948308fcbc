package de.schulit.servicedesk.api;

import de.schulit.servicedesk.identity.Enrollment;
import de.schulit.servicedesk.identity.EnrollmentCode;
import de.schulit.servicedesk.identity.Role;
import de.schulit.servicedesk.school.Schools;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The admin API: schools and their enrollment codes. */
@RestController
@RequestMapping("/api/schools")
class SchoolController {

    private final Schools schools;
    private final Enrollment enrollment;

    SchoolController(Schools schools, Enrollment enrollment) {
        this.schools = schools;
        this.enrollment = enrollment;
    }

    record SchoolJson(String id, String name) {
    }

    record SchoolList(List<SchoolJson> schools) {
    }

    record CodeRequest(Integer maxUses, Integer validDays, String role) {
    }

    record CodeJson(String code, String schoolId, String role, int maxUses, Instant expiresAt) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    SchoolList list() {
        return new SchoolList(schools.all().stream().map(s -> new SchoolJson(s.id(), s.name())).toList());
    }

    @PostMapping("/{schoolId}/enrollment-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    CodeJson issue(@PathVariable String schoolId, @RequestBody(required = false) CodeRequest request) {
        if (schools.find(schoolId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Schule „" + schoolId + "“ nicht gefunden");
        }
        CodeRequest wanted = request == null ? new CodeRequest(null, null, null) : request;
        int maxUses = bounded(wanted.maxUses(), 30, 1, 1000, "maxUses");
        int validDays = bounded(wanted.validDays(), 14, 1, 365, "validDays");
        Role role = wanted.role() == null ? Role.STAFF : parseRole(wanted.role());
        EnrollmentCode code = enrollment.issue(schoolId, role, maxUses, validDays);
        return new CodeJson(code.code(), code.schoolId(), code.role().name(), code.maxUses(), code.expiresAt());
    }

    private static int bounded(Integer value, int fallback, int min, int max, String field) {
        int chosen = value == null ? fallback : value;
        if (chosen < min || chosen > max) {
            throw new IllegalArgumentException("„" + field + "“ muss zwischen " + min + " und " + max + " liegen");
        }
        return chosen;
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unbekannte Rolle „" + role + "“ (erlaubt: STAFF, COORDINATOR)");
        }
    }
}
