package de.schulit.servicedesk.nlp;

import java.util.Arrays;
import java.util.List;

/**
 * Fits the decision policy on out-of-fold scores, i.e. on scores for texts the scoring model has not seen,
 * which is how the deployed model meets new messages.
 */
final class Calibration {

    static final double MAX_THRESHOLD = 0.95;

    private Calibration() {
    }

    /** The temperature (grid 0.2-5) that minimises the negative log-likelihood of the true labels. */
    static double fitTemperature(List<ModelTrainer.Doc> docs, double[][] scores, String[] labels) {
        List<String> labelList = Arrays.asList(labels);
        double bestT = 1.0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double t = 0.2; t <= 5.0; t *= 1.05) {
            double loss = 0;
            for (int i = 0; i < docs.size(); i++) {
                int truth = labelList.indexOf(docs.get(i).service());
                double[] p = DecisionPolicy.calibrate(scores[i], t);
                loss -= Math.log(Math.max(p[truth], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                bestT = t;
            }
        }
        return bestT;
    }

    /** Share of corpus texts on which a security rule fires that really are security incidents. */
    static double rulePrecision(List<ModelTrainer.Doc> docs) {
        long fired = docs.stream().filter(ModelTrainer.Doc::ruleFired).count();
        long right = docs.stream().filter(d -> d.ruleFired() && Labels.SECURITY.equals(d.service())).count();
        // Laplace-smoothed, so that a handful of hits does not claim certainty
        return (right + 1.0) / (fired + 2.0);
    }

    /**
     * The lowest threshold (in steps of 0.01, from {@code min} up to {@link #MAX_THRESHOLD}) at which the
     * share of texts answered with a wrong service stays at or below {@code target}. Lower thresholds
     * abstain less, so this is the least-asking policy that keeps wrong-but-confident answers rare.
     */
    static double chooseThreshold(List<ModelTrainer.Doc> docs, double[][] scores, String[] labels,
                                  DecisionPolicy base, double target, double min) {
        for (double t = min; t < MAX_THRESHOLD + 1e-9; t += 0.01) {
            double threshold = Math.round(t * 100) / 100.0;
            if (wrongConfidentRate(docs, scores, labels, base.withThreshold(threshold)) <= target) {
                return threshold;
            }
        }
        return MAX_THRESHOLD;
    }

    static double wrongConfidentRate(List<ModelTrainer.Doc> docs, double[][] scores, String[] labels,
                                     DecisionPolicy policy) {
        int wrong = 0;
        for (int i = 0; i < docs.size(); i++) {
            ModelTrainer.Doc doc = docs.get(i);
            Prediction p = policy.decide(labels, scores[i], doc.security(), null, doc.language()).prediction();
            if (p.serviceId() != null && !p.serviceId().equals(doc.service())) {
                wrong++;
            }
        }
        return docs.isEmpty() ? 0 : (double) wrong / docs.size();
    }
}
