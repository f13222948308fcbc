package de.schulit.servicedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTests {

    static final List<String> SPEC_IDS = List.of("internet", "wlan", "netzwerk", "server", "arbeitsplatz", "tablet",
            "praesentation", "drucken", "telefonie", "konto", "software", "email", "sicherheit", "beschaffung",
            "sonstiges");

    @TempDir
    Path dir;

    @Test
    void shippedCatalogHasTheFifteenServicesOfTheSpecWithQuestionsAndExamples() {
        ServiceCatalog catalog = CatalogLoader.load(Path.of("../config/catalog.yml"));
        assertThat(catalog.services()).extracting(CatalogService::id).containsExactlyElementsOf(SPEC_IDS);
        assertThat(catalog.get("drucken").name()).isEqualTo("Drucken & Kopieren");
        assertThat(catalog.get("sicherheit").requestTypes()).containsExactly(RequestType.STOERUNG);
        for (CatalogService service : catalog.services()) {
            assertThat(service.questions()).as(service.id()).isNotEmpty();
            assertThat(service.examples()).as(service.id()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(service.nameEn()).as(service.id()).isNotBlank();
        }
        assertThat(catalog.examplePhrases()).containsKeys("drucken", "wlan");
    }

    @Test
    void errorsNameTheFileTheEntryAndTheField() throws IOException {
        Path file = write("""
                services:
                  - id: drucken
                    name: Drucken
                    description: Drucker
                    request-types: [stoerung]
                    team: team-druck
                    questions:
                      - id: geraet
                        prompt: Welches Gerät?
                        type: choice
                        request-types: [bedarf]
                        choices:
                          - {id: drucker, label: Drucker}
                  - id: drucken
                    name: ""
                    request-types: []
                """);
        assertThatThrownBy(() -> CatalogLoader.load(file))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("service 'drucken', field 'questions[0].choices': a choice question needs at least two choices")
                .hasMessageContaining("field 'questions[0].request-types': 'bedarf' is not among the service's request-types")
                .hasMessageContaining("field 'id': is used twice")
                .hasMessageContaining("field 'name': is required")
                .hasMessageContaining("field 'team': is required")
                .hasMessageContaining("field 'request-types': needs at least one");
    }

    @Test
    void unknownKeysWrongTypesAndBadPatternsAreReported() throws IOException {
        assertThatThrownBy(() -> CatalogLoader.load(write("services:\n  - id: x\n    nmae: Typo\n")))
                .hasMessageContaining("nmae");
        assertThatThrownBy(() -> CatalogLoader.load(write("""
                services:
                  - {id: x, name: X, description: D, team: t, request-types: [stoerung],
                     questions: [{id: q, prompt: P, type: slider}]}
                """))).hasMessageContaining("services[0]").hasMessageContaining("unknown question type 'slider'");
        assertThatThrownBy(() -> CatalogLoader.load(write("""
                services:
                  - {id: x, name: X, description: D, team: t, request-types: [stoerung],
                     questions: [{id: q, prompt: P, type: text, validation: {pattern: "[a-"}}]}
                """))).hasMessageContaining("field 'questions[0].validation.pattern': is no valid regular expression");
        assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("missing.yml"))).hasMessageContaining("file not found");
    }

    @Test
    void questionValidationChecksLengthPatternAndNumberRange() {
        Question room = new Question("raum", "Raum?", null, QuestionType.TEXT, true, null, null,
                new Validation(2, 5, "[A-Z0-9.]+", null, null, null, null));
        assertThat(room.check("A")).contains(Validation.Failure.TOO_SHORT);
        assertThat(room.check("A1234567")).contains(Validation.Failure.TOO_LONG);
        assertThat(room.check("a.1")).contains(Validation.Failure.NO_MATCH);
        assertThat(room.check("2.14")).isEmpty();
        Question count = new Question("n", "Wie viele?", null, QuestionType.NUMBER, true, null, null,
                new Validation(null, null, null, 1L, 1000L, null, null));
        assertThat(count.check("zehn")).contains(Validation.Failure.NOT_A_NUMBER);
        assertThat(count.check("1.001")).contains(Validation.Failure.OUT_OF_RANGE);
        assertThat(count.check("30")).isEmpty();
        Question free = new Question("t", "Text?", null, QuestionType.TEXT, false, null, null, null);
        assertThat(free.check("x".repeat(Validation.DEFAULT_MAX_LENGTH + 1))).contains(Validation.Failure.TOO_LONG);
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "catalog", ".yml");
        Files.writeString(file, yaml);
        return file;
    }
}
