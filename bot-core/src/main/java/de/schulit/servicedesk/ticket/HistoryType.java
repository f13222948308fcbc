package de.schulit.servicedesk.ticket;

public enum HistoryType {
    CREATED,
    REQUESTER_MESSAGE,
    AGENT_REPLY,
    INTERNAL_NOTE,
    STATUS_CHANGE,
    ATTACHMENT
}
