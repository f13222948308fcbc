package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.catalog.CatalogLoader;
import de.schulit.servicedesk.catalog.CatalogService;
import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.dialog.Classification;
import de.schulit.servicedesk.nlp.ServiceClassifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built model serves the shipped catalog; a changed catalog retrains in the background and swaps in. */
class NlpClassifierTests {

    static final ServiceCatalog SHIPPED = CatalogLoader.load(Path.of("config/catalog.yml"));
    static final Executor INLINE_THREAD = task -> new Thread(task, "test-training").start();

    @Test
    void theBuiltModelMatchesTheShippedCatalogAndClassifiesWithoutRetraining() {
        List<String> trained = new ArrayList<>();
        NlpClassifier classifier = new NlpClassifier(SHIPPED, ServiceClassifier::loadDefault, phrases -> {
            trained.add("retrained");
            return ServiceClassifier.train(phrases);
        }, INLINE_THREAD, new SimpleMeterRegistry());
        assertThat(classifier.ready()).isCompleted();
        assertThat(trained).as("no retraining for the catalog the model was built with").isEmpty();

        Classification result = classifier.classify("Der Drucker im Lehrerzimmer druckt nur noch leere Seiten");
        assertThat(result.serviceId()).isEqualTo("drucken");
        assertThat(result.candidates()).isNotEmpty();
    }

    @Test
    void aChangedCatalogIsLearnedInTheBackgroundWhileTheBuiltModelServes() throws Exception {
        List<CatalogService> services = new ArrayList<>(SHIPPED.services());
        CatalogService printing = SHIPPED.get("drucken");
        List<String> examples = new ArrayList<>(printing.examples());
        examples.add("Der Plotter im Technikraum zieht kein Papier mehr ein");
        services.set(services.indexOf(printing), new CatalogService(printing.id(), printing.name(), printing.nameEn(),
                printing.description(), printing.descriptionEn(), printing.requestTypes(), printing.team(),
                printing.synonyms(), examples, printing.questions(), printing.selfHelp()));
        ServiceCatalog changed = new ServiceCatalog(services);

        NlpClassifier classifier = new NlpClassifier(changed, ServiceClassifier::loadDefault, ServiceClassifier::train,
                INLINE_THREAD, new SimpleMeterRegistry());
        assertThat(classifier.classify("WLAN im Lehrerzimmer geht nicht").serviceId())
                .as("the built model answers while training runs").isNotNull();

        classifier.ready().get(120, TimeUnit.SECONDS);
        assertThat(classifier.modelFingerprint()).isEqualTo(ServiceClassifier.fingerprint(changed.examplePhrases()))
                .isNotEqualTo(ServiceClassifier.fingerprint(SHIPPED.examplePhrases()));
    }

    @Test
    void withoutABuiltModelTheMenuServesUntilTrainingIsDone() throws Exception {
        NlpClassifier classifier = new NlpClassifier(SHIPPED, () -> {
            throw new IllegalStateException("no model on the classpath");
        }, ServiceClassifier::train, Runnable::run, new SimpleMeterRegistry());
        classifier.ready().get(120, TimeUnit.SECONDS);
        assertThat(classifier.classify("Beamer zeigt kein Bild").serviceId()).isEqualTo("praesentation");

        NlpClassifier untrained = new NlpClassifier(SHIPPED, () -> {
            throw new IllegalStateException("no model on the classpath");
        }, phrases -> ServiceClassifier.train(phrases), task -> { }, new SimpleMeterRegistry());
        assertThat(untrained.classify("Beamer zeigt kein Bild")).isEqualTo(Classification.unknown());
    }
}
