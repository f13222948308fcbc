package de.schulit.servicedesk.channel;

/**
 * A channel whose client fetches its messages by cursor ({@link Outbox#after}), like the web chat's page: the outbox
 * keeps no delivery queue for it. A connector declares it as a bean; any other channel's messages are queued for
 * delivery, so a channel that is switched off loses nothing.
 */
public record PolledChannel(String id) {
}
