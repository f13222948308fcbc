package de.schulit.servicedesk.school;

import de.schulit.servicedesk.catalog.ConfigFileException;
import de.schulit.servicedesk.catalog.YamlConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and validates {@code schools.yml}. */
public final class SchoolsLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    record SchoolsFile(List<School> schools) {
    }

    private SchoolsLoader() {
    }

    public static List<School> load(Path file) {
        SchoolsFile parsed = YamlConfigReader.read(file, SchoolsFile.class);
        List<School> schools = parsed.schools() == null ? List.of() : parsed.schools();
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < schools.size(); i++) {
            School school = schools.get(i);
            String entry = "school " + (school.id() == null ? "#" + (i + 1) : "'" + school.id() + "'");
            if (school.id() == null || !ID.matcher(school.id()).matches()) {
                errors.add(entry + ", field 'id': must be lowercase letters, digits, '-' or '_'");
            } else if (!ids.add(school.id())) {
                errors.add(entry + ", field 'id': is used twice");
            }
            if (school.name() == null || school.name().isBlank()) {
                errors.add(entry + ", field 'name': is required");
            }
            if (school.matrixDomain() != null) {
                if (!DOMAIN.matcher(school.matrixDomain()).matches()) {
                    errors.add(entry + ", field 'matrix-domain': '" + school.matrixDomain() + "' is no domain name");
                } else if (!domains.add(school.matrixDomain())) {
                    errors.add(entry + ", field 'matrix-domain': belongs to another school already");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigFileException(file + " is invalid:\n  - " + String.join("\n  - ", errors));
        }
        return List.copyOf(schools);
    }
}
