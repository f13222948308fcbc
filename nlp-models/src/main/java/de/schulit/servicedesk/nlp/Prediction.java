package de.schulit.servicedesk.nlp;

import java.util.List;

/**
 * The classifier's answer for one message.
 *
 * @param serviceId   the decided service, or null when the classifier abstains (not confident enough; the
 *                    dialog offers the candidates) or the text is no IT matter
 * @param requestType "stoerung", "anfrage" or "bedarf"; null for no IT matter
 * @param confidence  calibrated confidence (0.0-1.0) of the top candidate service
 * @param candidates  the top 3 services, best first; never "kein_it"
 * @param outOfScope  true when the text is recognised as no IT matter
 * @param language    "de" or "en"
 */
public record Prediction(String serviceId, String requestType, double confidence, List<ScoredLabel> candidates,
                         boolean outOfScope, String language) {

    public Prediction {
        candidates = List.copyOf(candidates);
    }
}
