package de.schulit.servicedesk.ticket;

import java.util.Arrays;
import java.util.Optional;

public enum TicketStatus {
    NEW,
    IN_PROGRESS,
    WAITING,
    RESOLVED,
    CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public static Optional<TicketStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(String.valueOf(value).trim())).findFirst();
    }
}
