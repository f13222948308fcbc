package de.schulit.servicedesk.dialog;

import java.util.EnumSet;
import java.util.Set;

/** Where a conversation stands; IDLE waits for a new request. */
public enum Step {
    IDLE,
    ENROLL_NAME,
    CONFIRM_SERVICE,
    CHOOSE_SERVICE,
    CHOOSE_TYPE,
    QUESTION,
    IMPACT,
    URGENCY,
    SUMMARY,
    FOLLOW_UP_OR_NEW,
    /** Self-help hints shown: "Hat geholfen" or "Trotzdem Ticket anlegen". */
    SELF_HELP,
    /** An open ticket of the school looks like the same problem: join it or report anew. */
    JOIN_OFFER,
    /** "Nein, nicht gelöst": asking what still does not work. */
    REOPEN_COMMENT,
    /** "Ja, gelöst": the optional rating 1-5. */
    RATING,
    /** /daten-loeschen asked whether to erase everything. */
    CONFIRM_ERASE;

    /** The steps of putting a report together. */
    static final Set<Step> INTAKE = EnumSet.of(CONFIRM_SERVICE, CHOOSE_SERVICE, CHOOSE_TYPE, QUESTION, IMPACT,
            URGENCY, SUMMARY, SELF_HELP, JOIN_OFFER);
}
