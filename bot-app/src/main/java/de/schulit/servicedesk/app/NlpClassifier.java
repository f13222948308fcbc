package de.schulit.servicedesk.app;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.dialog.Classification;
import de.schulit.servicedesk.dialog.Classifier;
import de.schulit.servicedesk.nlp.Prediction;
import de.schulit.servicedesk.nlp.ServiceClassifier;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenNLP model behind the core's {@link Classifier} port. Serves the model built with the project; when the
 * operator has changed the catalog's synonyms or examples since, a model trained on the current catalog replaces it
 * as soon as it is ready (seconds), so nobody has to rebuild. Until a model exists the dialog shows the menu.
 */
final class NlpClassifier implements Classifier {

    private static final Logger log = LoggerFactory.getLogger(NlpClassifier.class);

    private final AtomicReference<ServiceClassifier> model = new AtomicReference<>();
    private final CompletableFuture<Void> ready;
    private final MeterRegistry meters;

    NlpClassifier(ServiceCatalog catalog, Supplier<ServiceClassifier> builtIn,
                  Function<Map<String, List<String>>, ServiceClassifier> trainer, Executor background,
                  MeterRegistry meters) {
        this.meters = meters;
        Map<String, List<String>> phrases = catalog.examplePhrases();
        String wanted = ServiceClassifier.fingerprint(phrases);
        try {
            model.set(builtIn.get());
        } catch (RuntimeException e) {
            log.warn("No built classifier model could be loaded ({}); training one from the catalog", e.getMessage());
        }
        ServiceClassifier current = model.get();
        if (current != null && current.catalogFingerprint().equals(wanted)) {
            ready = CompletableFuture.completedFuture(null);
        } else {
            log.info("The catalog's example phrases differ from the built model: retraining in the background");
            ready = CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                model.set(trainer.apply(phrases));
                log.info("Classifier retrained on the current catalog in {} ms", (System.nanoTime() - start) / 1_000_000);
            }, background).exceptionally(e -> {
                log.error("Retraining the classifier failed; keeping the previous model", e);
                return null;
            });
        }
    }

    /** Completes when the model matching the current catalog serves. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** The catalog fingerprint of the model in use; empty while there is none. */
    String modelFingerprint() {
        ServiceClassifier current = model.get();
        return current == null ? "" : current.catalogFingerprint();
    }

    @Override
    public Classification classify(String text) {
        CrashTestPause.at(CrashTestPause.CLASSIFICATION);
        ServiceClassifier current = model.get();
        if (current == null) {
            return Classification.unknown();
        }
        Prediction p = current.classify(text);
        String outcome = p.outOfScope() ? "out-of-scope" : p.serviceId() == null ? "abstained" : "decided";
        DistributionSummary.builder("servicedesk.classification.confidence")
                .description("Confidence of the classifier's best service")
                .serviceLevelObjectives(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
                .tag("outcome", outcome).register(meters).record(p.confidence());
        return new Classification(p.serviceId(), p.requestType() == null ? null : RequestType.fromId(p.requestType()).orElse(null),
                p.confidence(),
                p.candidates().stream().map(c -> new Classification.Candidate(c.label(), c.confidence())).toList(),
                p.outOfScope(), p.language());
    }
}
