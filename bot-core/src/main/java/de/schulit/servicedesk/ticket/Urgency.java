package de.schulit.servicedesk.ticket;

/** Whether teaching is blocked, most urgent first. */
public enum Urgency {
    BLOCKED_NOW,
    TODAY_OR_TOMORROW,
    NOT_URGENT
}
