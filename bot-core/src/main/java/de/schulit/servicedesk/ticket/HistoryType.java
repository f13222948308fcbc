package de.schulit.servicedesk.ticket;

public enum HistoryType {
    CREATED,
    REQUESTER_MESSAGE,
    AGENT_REPLY,
    INTERNAL_NOTE,
    STATUS_CHANGE,
    ATTACHMENT,
    /** text: who the ticket is assigned to now. */
    ASSIGNMENT,
    /** text: the new priority's name. */
    PRIORITY_CHANGE,
    /** The requester's rating 1-5 after confirming the solution; the text is the number. */
    RATING
}
