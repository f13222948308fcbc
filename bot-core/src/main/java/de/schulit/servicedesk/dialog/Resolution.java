package de.schulit.servicedesk.dialog;

import java.util.Optional;

/** The answer to "Ist das Problem gelöst?", carried by the buttons as {@code solved:<number>} / {@code unsolved:<number>}. */
record Resolution(boolean solved, String ticketNumber) {

    static final String SOLVED = "solved:";
    static final String UNSOLVED = "unsolved:";

    static Optional<Resolution> parse(String optionId) {
        if (optionId.startsWith(SOLVED)) {
            return Optional.of(new Resolution(true, optionId.substring(SOLVED.length())));
        }
        if (optionId.startsWith(UNSOLVED)) {
            return Optional.of(new Resolution(false, optionId.substring(UNSOLVED.length())));
        }
        return Optional.empty();
    }
}
