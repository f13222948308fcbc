package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Quality figures of a set of decisions against gold labels.
 *
 * <p>Definitions (IT text = gold label is a service, not "kein_it"):
 * <ul>
 *   <li>top-1 / top-3: IT texts whose gold service is the first / among the candidates</li>
 *   <li>decided accuracy: IT texts with a decided service whose service is right</li>
 *   <li>abstention: IT texts without a decided service (abstained or wrongly out of scope)</li>
 *   <li>wrong-but-confident: all texts (no-IT ones included) that got a decided service that is wrong</li>
 *   <li>no-IT recognised: "kein_it" texts without a decided service (out of scope or abstained)</li>
 *   <li>request type: IT texts with a gold request type that got it right</li>
 *   <li>per-class figures, macro-F1 and the confusion matrix use one label per text: the decided service,
 *       else "kein_it" when the text is out of scope or "kein_it" is the model's top label, else the top
 *       candidate</li>
 * </ul>
 */
final class Evaluation {

    /** A gold text and what the classifier made of it. */
    record Outcome(LabeledText gold, DecisionPolicy.Decision decision) {

        Prediction prediction() {
            return decision.prediction();
        }

        boolean isIt() {
            return !Labels.NO_IT.equals(gold.service());
        }
    }

    private final List<Outcome> outcomes;

    Evaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    private List<Outcome> it() {
        return outcomes.stream().filter(Outcome::isIt).toList();
    }

    private List<Outcome> noIt() {
        return outcomes.stream().filter(o -> !o.isIt()).toList();
    }

    private static double rate(List<Outcome> of, Predicate<Outcome> hit) {
        return of.isEmpty() ? Double.NaN : (double) of.stream().filter(hit).count() / of.size();
    }

    double top1() {
        return rate(it(), o -> !o.prediction().candidates().isEmpty()
                && o.gold().service().equals(o.prediction().candidates().get(0).label()));
    }

    double top3() {
        return rate(it(), o -> o.prediction().candidates().stream().anyMatch(c -> c.label().equals(o.gold().service())));
    }

    double decidedAccuracy() {
        return rate(it().stream().filter(o -> o.prediction().serviceId() != null).toList(),
                o -> o.gold().service().equals(o.prediction().serviceId()));
    }

    double abstention() {
        return rate(it(), o -> o.prediction().serviceId() == null);
    }

    double wrongConfident() {
        return rate(outcomes, o -> o.prediction().serviceId() != null
                && !o.prediction().serviceId().equals(o.gold().service()));
    }

    double wrongConfidentIt() {
        return rate(it(), o -> o.prediction().serviceId() != null
                && !o.prediction().serviceId().equals(o.gold().service()));
    }

    double noItRecognised() {
        return rate(noIt(), o -> o.prediction().serviceId() == null);
    }

    double noItOutOfScope() {
        return rate(noIt(), o -> o.prediction().outOfScope());
    }

    double itMarkedOutOfScope() {
        return rate(it(), o -> o.prediction().outOfScope());
    }

    double requestType() {
        return rate(it().stream().filter(o -> Labels.isRequestType(o.gold().requestType())).toList(),
                o -> o.gold().requestType().equals(o.prediction().requestType()));
    }

    double language() {
        return rate(outcomes.stream().filter(o -> o.gold().language() != null).toList(),
                o -> o.gold().language().equals(o.prediction().language()));
    }

    double securityDecidedRecall() {
        return rate(outcomes.stream().filter(o -> Labels.SECURITY.equals(o.gold().service())).toList(),
                o -> Labels.SECURITY.equals(o.prediction().serviceId()));
    }

    double securityCandidateRecall() {
        return rate(outcomes.stream().filter(o -> Labels.SECURITY.equals(o.gold().service())).toList(),
                o -> o.prediction().candidates().stream().anyMatch(c -> Labels.SECURITY.equals(c.label())));
    }

    private TreeSet<String> labels() {
        TreeSet<String> labels = new TreeSet<>();
        outcomes.forEach(o -> {
            labels.add(o.gold().service());
            labels.add(o.decision().label());
        });
        return labels;
    }

    /** label -> {precision, recall, f1, support}. */
    Map<String, double[]> perClass() {
        Map<String, double[]> result = new TreeMap<>();
        for (String label : labels()) {
            long tp = outcomes.stream().filter(o -> label.equals(o.gold().service()) && label.equals(o.decision().label())).count();
            long predicted = outcomes.stream().filter(o -> label.equals(o.decision().label())).count();
            long support = outcomes.stream().filter(o -> label.equals(o.gold().service())).count();
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.put(label, new double[] {precision, recall, f1, support});
        }
        return result;
    }

    double macroF1() {
        return perClass().values().stream().filter(v -> v[3] > 0).mapToDouble(v -> v[2]).average().orElse(Double.NaN);
    }

    String summary() {
        return String.format(Locale.ROOT,
                "texts=%d top1=%.3f top3=%.3f macroF1=%.3f decidedAcc=%.3f abstain=%.3f wrongConf=%.3f "
                        + "noIt=%.3f (oos=%.3f) itAsOos=%.3f type=%.3f lang=%.3f secCand=%.3f secDecided=%.3f",
                outcomes.size(), top1(), top3(), macroF1(), decidedAccuracy(), abstention(), wrongConfident(),
                noItRecognised(), noItOutOfScope(), itMarkedOutOfScope(), requestType(), language(),
                securityCandidateRecall(), securityDecidedRecall());
    }

    String report(String title) {
        StringBuilder out = new StringBuilder();
        long itCount = outcomes.stream().filter(Outcome::isIt).count();
        out.append("== ").append(title).append(" (").append(outcomes.size()).append(" texts, ")
                .append(itCount).append(" IT, ").append(outcomes.size() - itCount).append(" no IT)\n");
        line(out, "service top-1 accuracy (IT texts)", top1(), ">= 0.92");
        line(out, "service top-3 accuracy (IT texts)", top3(), ">= 0.98");
        line(out, "macro-F1 (16 labels)", macroF1(), "");
        line(out, "accuracy of decided services", decidedAccuracy(), "");
        line(out, "abstention rate (IT texts)", abstention(), "");
        line(out, "wrong-but-confident rate (all texts)", wrongConfident(), "<= 0.03");
        line(out, "wrong-but-confident rate (IT texts)", wrongConfidentIt(), "");
        line(out, "no-IT recognised (no service decided)", noItRecognised(), ">= 0.85");
        line(out, "no-IT marked out of scope", noItOutOfScope(), "");
        line(out, "IT texts wrongly marked out of scope", itMarkedOutOfScope(), "");
        line(out, "request type accuracy", requestType(), ">= 0.90");
        line(out, "language accuracy", language(), "");
        line(out, "sicherheit among candidates (recall)", securityCandidateRecall(), "= 1.00");
        line(out, "sicherheit decided (recall)", securityDecidedRecall(), "");
        out.append("\nper class          precision  recall     F1  support\n");
        perClass().forEach((label, v) -> out.append(String.format(Locale.ROOT, "  %-14s %9.3f %7.3f %6.3f %8d%n",
                label, v[0], v[1], v[2], (int) v[3])));
        out.append(confusion());
        return out.toString();
    }

    private static void line(StringBuilder out, String name, double value, String target) {
        out.append(String.format(Locale.ROOT, "  %-40s %6.3f  %s%n", name, value, target));
    }

    /** Confusion matrix, rows gold, columns predicted; labels abbreviated to 4 characters. */
    String confusion() {
        List<String> labels = new ArrayList<>(labels());
        StringBuilder out = new StringBuilder("\nconfusion (rows gold, columns predicted)\n  ");
        out.append(String.format("%-14s", ""));
        labels.forEach(l -> out.append(String.format(" %4s", l.substring(0, Math.min(4, l.length())))));
        out.append('\n');
        for (String gold : labels) {
            out.append(String.format("  %-14s", gold));
            for (String predicted : labels) {
                long n = outcomes.stream().filter(o -> gold.equals(o.gold().service())
                        && predicted.equals(o.decision().label())).count();
                out.append(String.format(" %4s", n == 0 ? "." : Long.toString(n)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
