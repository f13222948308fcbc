package de.schulit.servicedesk.nlp;

import java.util.List;

/** The label vocabulary shared by corpus, models and evaluation. */
final class Labels {

    /** The out-of-scope class: no IT matter at all. */
    static final String NO_IT = "kein_it";
    static final String SECURITY = "sicherheit";
    static final String INCIDENT = "stoerung";
    static final List<String> REQUEST_TYPES = List.of(INCIDENT, "anfrage", "bedarf");

    private Labels() {
    }

    static boolean isRequestType(String value) {
        return value != null && REQUEST_TYPES.contains(value);
    }
}
