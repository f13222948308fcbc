package de.schulit.servicedesk.nlp;

/**
 * One training or test message.
 *
 * @param service     service id or {@link Labels#NO_IT}
 * @param requestType "stoerung", "anfrage", "bedarf", or null when unknown (catalog phrases) or no IT matter
 * @param language    "de" or "en", or null when unknown (catalog phrases)
 * @param text        the message as written
 */
record LabeledText(String service, String requestType, String language, String text) {
}
