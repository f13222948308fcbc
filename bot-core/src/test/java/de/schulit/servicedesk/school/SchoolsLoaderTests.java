package de.schulit.servicedesk.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.schulit.servicedesk.catalog.ConfigFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchoolsLoaderTests {

    @TempDir
    Path dir;

    @Test
    void shippedSchoolsLoad() {
        assertThat(SchoolsLoader.load(Path.of("../config/schools.yml"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.name()).isNotBlank());
    }

    @Test
    void badEntriesAreNamed() throws IOException {
        Path file = dir.resolve("schools.yml");
        Files.writeString(file, """
                schools:
                  - {id: gs-park, name: Grundschule am Park, matrix-domain: "not a domain"}
                  - {id: gs-park, name: ""}
                  - {id: "Bad Id", name: X}
                """);
        assertThatThrownBy(() -> SchoolsLoader.load(file)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("school 'gs-park', field 'matrix-domain'")
                .hasMessageContaining("school 'gs-park', field 'id': is used twice")
                .hasMessageContaining("field 'name': is required")
                .hasMessageContaining("school 'Bad Id', field 'id'");
    }
}
