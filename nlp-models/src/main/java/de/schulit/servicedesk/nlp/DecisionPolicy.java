package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the service model's scores into a decision: calibrate, pick the top service or abstain, recognise
 * "no IT matter", and apply the security rules.
 *
 * <p>Security incidents get precedence, because a missed one is a P1 left lying: when a keyword rule fires,
 * "sicherheit" is decided; a security cue or a model score of at least {@code securityFloor} keeps it among the
 * candidates and vetoes "no IT matter"; and as top candidate it is decided from {@code securityThreshold} on,
 * which is lower than the general threshold. Whenever "sicherheit" is the top candidate the request type is "stoerung", as
 * the catalog and the labelling convention have it, whatever the request type model says.
 *
 * @param temperature       temperature scaling of the model's probabilities (p_i^(1/T), renormalised)
 * @param threshold         a service is decided only when its calibrated confidence reaches this; below
 *                          it the classifier abstains and the dialog offers the candidates
 * @param noItThreshold     "kein_it" must be the top label and reach this to mark the text out of scope
 * @param securityFloor     a "sicherheit" confidence at or above this keeps the service among the candidates
 *                          and vetoes "out of scope"
 * @param securityThreshold "sicherheit" as top candidate is decided from this confidence on
 * @param ruleConfidence    the confidence reported for "sicherheit" when a security keyword rule fires (the
 *                          rules' precision on the training corpus)
 */
record DecisionPolicy(double temperature, double threshold, double noItThreshold, double securityFloor,
                      double securityThreshold, double ruleConfidence) {

    static final int CANDIDATES = 3;

    DecisionPolicy withThreshold(double value) {
        return new DecisionPolicy(temperature, value, noItThreshold, securityFloor, securityThreshold, ruleConfidence);
    }

    DecisionPolicy withTemperature(double value) {
        return new DecisionPolicy(value, threshold, noItThreshold, securityFloor, securityThreshold, ruleConfidence);
    }

    /** p_i^(1/T), renormalised. */
    static double[] calibrate(double[] probabilities, double temperature) {
        double[] logits = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < probabilities.length; i++) {
            logits[i] = Math.log(Math.max(probabilities[i], 1e-12)) / temperature;
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /**
     * @param labels        the service model's outcomes (service ids and possibly "kein_it")
     * @param probabilities the model's raw probabilities, aligned with {@code labels}
     * @param security      what the security rules and cues say about the text
     * @param requestType   the request type model's answer (ignored when out of scope)
     * @param language      detected language
     */
    Decision decide(String[] labels, double[] probabilities, SecurityRules.Verdict security, String requestType,
                    String language) {
        boolean ruleFired = security == SecurityRules.Verdict.CERTAIN;
        double[] p = calibrate(probabilities, temperature);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        String argmax = labels[best];
        double noIt = 0;
        ScoredLabel securityLabel = null;
        List<ScoredLabel> services = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            if (Labels.NO_IT.equals(labels[i])) {
                noIt = p[i];
            } else if (Labels.SECURITY.equals(labels[i])) {
                securityLabel = new ScoredLabel(labels[i], ruleFired ? Math.max(p[i], ruleConfidence) : p[i]);
                services.add(securityLabel);
            } else {
                services.add(new ScoredLabel(labels[i], p[i]));
            }
        }
        services.sort(Comparator.comparingDouble(ScoredLabel::confidence).reversed());
        if (ruleFired && securityLabel != null) {
            services.remove(securityLabel);
            services.add(0, securityLabel);
        }
        List<ScoredLabel> candidates = new ArrayList<>(services.subList(0, Math.min(CANDIDATES, services.size())));
        boolean securitySignal = securityLabel != null && (security != SecurityRules.Verdict.NONE
                || securityLabel.confidence() >= securityFloor);
        if (securitySignal && !candidates.contains(securityLabel)) {
            candidates.set(candidates.size() - 1, securityLabel);
        }
        ScoredLabel top = candidates.isEmpty() ? new ScoredLabel(null, 0) : candidates.get(0);
        boolean outOfScope = !securitySignal && Labels.NO_IT.equals(argmax) && noIt >= noItThreshold;
        String serviceId;
        if (outOfScope) {
            serviceId = null;
        } else if (ruleFired) {
            serviceId = Labels.SECURITY; // a security incident is never left to a menu
        } else if (Labels.SECURITY.equals(top.label())) {
            serviceId = top.confidence() >= securityThreshold ? top.label() : null;
        } else {
            serviceId = top.confidence() >= threshold ? top.label() : null;
        }
        String type = outOfScope ? null : Labels.SECURITY.equals(top.label()) ? Labels.INCIDENT : requestType;
        Prediction prediction = new Prediction(serviceId, type, top.confidence(),
                List.copyOf(candidates), outOfScope, language);
        boolean noItLabel = outOfScope || (serviceId == null && Labels.NO_IT.equals(argmax));
        return new Decision(prediction, noItLabel ? Labels.NO_IT : top.label(), ruleFired);
    }

    /**
     * A prediction with what evaluation needs besides it.
     *
     * @param prediction the answer handed out
     * @param label      the single label this decision amounts to, "kein_it" included (confusion matrix)
     * @param ruleFired  whether a security keyword rule fired
     */
    record Decision(Prediction prediction, String label, boolean ruleFired) {
    }
}
