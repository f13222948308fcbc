package de.schulit.servicedesk.ticket;

/** Filters for listing tickets; null means "any". Newest first, at most limit. */
public record TicketQuery(String schoolId, TicketStatus status, Long requesterId, int limit) {
}
