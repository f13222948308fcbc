package de.schulit.servicedesk.ticket;

public enum HistoryType {
    CREATED,
    REQUESTER_MESSAGE,
    AGENT_REPLY,
    INTERNAL_NOTE,
    STATUS_CHANGE,
    ATTACHMENT,
    /** The requester's rating 1-5 after confirming the solution; the text is the number. */
    RATING
}
