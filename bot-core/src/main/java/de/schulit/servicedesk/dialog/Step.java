package de.schulit.servicedesk.dialog;

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
    /** /daten-loeschen asked whether to erase everything. */
    CONFIRM_ERASE
}
