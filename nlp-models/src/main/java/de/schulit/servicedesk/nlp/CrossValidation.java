package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stratified k-fold cross-validation of the whole pipeline: for each fold the complete training, inner
 * calibration included, runs on the other folds plus the catalog phrases (which are never test items),
 * and the fold's texts are classified by that model.
 */
final class CrossValidation {

    private CrossValidation() {
    }

    static Evaluation run(List<LabeledText> corpus, Map<String, List<String>> catalog, ModelTrainer trainer,
                          int k, int threads) {
        int[] fold = Folds.assign(corpus, LabeledText::service, k, trainer.config().seed());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<Evaluation.Outcome>>> futures = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                int current = f;
                futures.add(pool.submit(() -> {
                    List<LabeledText> train = new ArrayList<>();
                    List<LabeledText> test = new ArrayList<>();
                    for (int i = 0; i < corpus.size(); i++) {
                        (fold[i] == current ? test : train).add(corpus.get(i));
                    }
                    ClassifierModel model = trainer.train(train, catalog);
                    return test.stream().map(t -> new Evaluation.Outcome(t, model.decide(t.text()))).toList();
                }));
            }
            List<Evaluation.Outcome> outcomes = new ArrayList<>();
            for (Future<List<Evaluation.Outcome>> future : futures) {
                outcomes.addAll(future.get());
            }
            return new Evaluation(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cross-validation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static Evaluation evaluate(ClassifierModel model, List<LabeledText> texts) {
        return new Evaluation(texts.stream().map(t -> new Evaluation.Outcome(t, model.decide(t.text()))).toList());
    }
}
