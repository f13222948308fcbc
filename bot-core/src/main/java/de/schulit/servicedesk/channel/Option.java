package de.schulit.servicedesk.channel;

/** A button the user may press; channels without buttons show it as a numbered line. */
public record Option(String id, String label) {
}
