package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The operator extends the catalog; the bot notices the changed fingerprint and retrains. */
class RetrainTests {

    private static final String NEW_PHRASE = "Die Quirxbox im Sekretariat klingelt nicht mehr";

    @Test
    void trainingWithAnExtendedCatalogChangesTheFingerprintAndLearnsTheNewPhrase() {
        Map<String, List<String>> shipped = CatalogExamples.read(Path.of("../config/catalog.yml"));
        ServiceClassifier built = ServiceClassifier.loadDefault();
        assertThat(built.catalogFingerprint()).isEqualTo(ServiceClassifier.fingerprint(shipped));

        Map<String, List<String>> extended = new LinkedHashMap<>(shipped);
        List<String> sonstiges = new ArrayList<>(extended.getOrDefault("sonstiges", List.of()));
        sonstiges.add(NEW_PHRASE);
        sonstiges.add("Quirxbox");
        extended.put("sonstiges", sonstiges);
        assertThat(ServiceClassifier.fingerprint(extended)).isNotEqualTo(built.catalogFingerprint());

        ServiceClassifier retrained = ServiceClassifier.train(extended);

        assertThat(retrained.catalogFingerprint()).isEqualTo(ServiceClassifier.fingerprint(extended));
        assertThat(retrained.classify(NEW_PHRASE).candidates().get(0).label()).isEqualTo("sonstiges");
        assertThat(retrained.classify("Quirxbox").candidates().get(0).label()).isEqualTo("sonstiges");
    }
}
