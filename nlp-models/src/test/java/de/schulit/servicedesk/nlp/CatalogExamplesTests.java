package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogExamplesTests {

    private static final Map<String, List<String>> CATALOG = Map.of(
            "drucken", List.of("Drucker", "Papierstau im Kopierer"),
            "wlan", List.of("WLAN", "Kein WLAN im Raum 2.14"));

    @Test
    void fingerprintIgnoresMapAndListOrder() {
        Map<String, List<String>> reordered = new LinkedHashMap<>();
        reordered.put("wlan", List.of("Kein WLAN im Raum 2.14", "WLAN"));
        reordered.put("drucken", List.of("Papierstau im Kopierer", "Drucker"));
        assertThat(ServiceClassifier.fingerprint(reordered)).isEqualTo(ServiceClassifier.fingerprint(CATALOG));
        assertThat(ServiceClassifier.fingerprint(new TreeMap<>(CATALOG))).isEqualTo(ServiceClassifier.fingerprint(CATALOG));
    }

    @Test
    void fingerprintIgnoresWhitespaceBlanksDuplicatesAndEmptyServices() {
        Map<String, List<String>> noisy = new LinkedHashMap<>();
        noisy.put("drucken", List.of("  Drucker ", "Papierstau   im Kopierer", "Drucker", " "));
        noisy.put("wlan", List.of("WLAN", "Kein WLAN im Raum 2.14"));
        noisy.put("telefonie", List.of());
        assertThat(ServiceClassifier.fingerprint(noisy)).isEqualTo(ServiceClassifier.fingerprint(CATALOG));
    }

    @Test
    void fingerprintChangesWithAnyPhraseOrServiceId() {
        String original = ServiceClassifier.fingerprint(CATALOG);
        assertThat(ServiceClassifier.fingerprint(Map.of("drucken", List.of("Drucker", "Papierstau im Kopierer"),
                "wlan", List.of("WLAN", "Kein WLAN im Raum 2.15")))).isNotEqualTo(original);
        assertThat(ServiceClassifier.fingerprint(Map.of("drucken", List.of("Drucker", "Papierstau im Kopierer"),
                "internet", List.of("WLAN", "Kein WLAN im Raum 2.14")))).isNotEqualTo(original);
        // a phrase moved to another service is a change, even though the set of phrases is the same
        assertThat(ServiceClassifier.fingerprint(Map.of("drucken", List.of("Drucker"),
                "wlan", List.of("WLAN", "Kein WLAN im Raum 2.14", "Papierstau im Kopierer")))).isNotEqualTo(original);
        assertThat(ServiceClassifier.fingerprint(Map.of())).isEqualTo(ServiceClassifier.fingerprint(null))
                .isNotEqualTo(original).hasSize(64);
    }

    @Test
    void readsOnlyIdsSynonymsAndExamplesFromTheCatalog(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.yml");
        Files.writeString(file, """
                services:
                  - id: drucken
                    name: Drucken & Kopieren
                    synonyms: [Drucker, Toner]
                    examples:
                      - Papierstau im Kopierer
                    questions:
                      - id: ort
                        prompt: Wo?
                  - id: telefonie
                    name: Telefonie
                """);
        Map<String, List<String>> phrases = CatalogExamples.read(file);
        assertThat(phrases).containsEntry("drucken", List.of("Drucker", "Toner", "Papierstau im Kopierer"))
                .containsEntry("telefonie", List.of());
        assertThat(CatalogExamples.asTrainingTexts(phrases)).hasSize(3)
                .allMatch(t -> t.service().equals("drucken") && t.requestType() == null);
    }

    @Test
    void theShippedCatalogHasPhrasesForEveryService() {
        Map<String, List<String>> phrases = CatalogExamples.read(Path.of("../config/catalog.yml"));
        assertThat(phrases).hasSize(15).allSatisfy((id, list) -> assertThat(list).as(id).isNotEmpty());
    }
}
