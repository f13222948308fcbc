package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.catalog.RequestType;
import java.util.List;

/**
 * What the classifier made of a text. serviceId is null when it is not confident enough to decide or the
 * text is no IT matter (outOfScope); candidates are the best services, best first, at most three.
 */
public record Classification(String serviceId, RequestType requestType, double confidence,
                             List<Candidate> candidates, boolean outOfScope, String language) {

    public Classification {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public record Candidate(String serviceId, double confidence) {
    }

    public static Classification unknown() {
        return new Classification(null, null, 0.0, List.of(), false, null);
    }
}
