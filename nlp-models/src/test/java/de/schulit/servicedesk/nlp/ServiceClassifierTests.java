package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceClassifierTests {

    private static final List<String> SAMPLES = List.of(
            "Beamer in 2.14 zeigt kein Bild, Unterricht in 10 min",
            "Drucker im Lehrerzimmer hat Papierstau",
            "Ich habe auf einen Link in einer komischen Mail geklickt und mein Passwort eingegeben",
            "Die Heizung im Musikraum ist kalt",
            "The wifi in the staff room keeps dropping",
            "Wir brauchen 30 neue iPads für die fünften Klassen",
            "",
            "?");

    private static ServiceClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = ServiceClassifier.loadDefault();
    }

    @Test
    void theBuildTrainedTheDefaultModelWithTheShippedCatalog() {
        assertThat(classifier.catalogFingerprint())
                .isEqualTo(ServiceClassifier.fingerprint(CatalogExamples.read(Path.of("../config/catalog.yml"))));
    }

    @Test
    void classifiesTypicalMessages() {
        Prediction beamer = classifier.classify("Beamer in 2.14 zeigt kein Bild, Unterricht in 10 min");
        assertThat(beamer.candidates().get(0).label()).isEqualTo("praesentation");
        assertThat(beamer.requestType()).isEqualTo("stoerung");
        assertThat(beamer.language()).isEqualTo("de");

        Prediction phishing = classifier.classify(
                "Ich habe auf einen Link in einer komischen Mail geklickt und mein Passwort eingegeben");
        assertThat(phishing.serviceId()).isEqualTo("sicherheit");

        Prediction english = classifier.classify("The wifi in the staff room keeps dropping");
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.candidates()).extracting(ScoredLabel::label).contains("wlan");
    }

    @Test
    void noItMatterGetsNoService() {
        Prediction heating = classifier.classify("Die Heizung im Musikraum ist kalt");
        assertThat(heating.serviceId()).isNull();
        assertThat(heating.candidates()).hasSize(3).noneMatch(c -> c.label().equals("kein_it"));
    }

    @Test
    void predictionsAreWellFormedForAnyInput() {
        for (String text : SAMPLES) {
            Prediction p = classifier.classify(text);
            assertThat(p.candidates()).as(text).hasSize(3);
            assertThat(p.confidence()).as(text).isBetween(0.0, 1.0)
                    .isEqualTo(p.candidates().get(0).confidence());
            assertThat(p.language()).isIn("de", "en");
            if (p.outOfScope()) {
                assertThat(p.serviceId()).isNull();
                assertThat(p.requestType()).isNull();
            } else {
                assertThat(p.requestType()).isIn("stoerung", "anfrage", "bedarf");
            }
            if (p.serviceId() != null) {
                assertThat(p.serviceId()).isEqualTo(p.candidates().get(0).label());
            }
        }
        assertThat(classifier.classify(null).candidates()).hasSize(3);
    }

    @Test
    void aWrittenAndReloadedModelPredictsTheSame(@TempDir Path dir) {
        Path file = dir.resolve("model.bin");
        classifier.write(file);
        ServiceClassifier reloaded = ServiceClassifier.read(file);
        assertThat(reloaded.catalogFingerprint()).isEqualTo(classifier.catalogFingerprint());
        for (String text : SAMPLES) {
            assertThat(reloaded.classify(text)).as(text).isEqualTo(classifier.classify(text));
        }
    }

    @Test
    void classifiesConcurrentlyWithTheSameResults() throws Exception {
        Map<String, Prediction> expected = new LinkedHashMap<>();
        SAMPLES.forEach(t -> expected.put(t, classifier.classify(t)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (String text : SAMPLES) {
                            if (!classifier.classify(text).equals(expected.get(text))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
