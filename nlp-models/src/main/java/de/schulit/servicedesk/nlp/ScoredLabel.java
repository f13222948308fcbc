package de.schulit.servicedesk.nlp;

/**
 * A service id with its calibrated confidence (0.0-1.0).
 *
 * @param label      service id
 * @param confidence calibrated confidence
 */
public record ScoredLabel(String label, double confidence) {
}
