package de.schulit.servicedesk.channel;

import java.time.Instant;

/** The undelivered part of a delivering channel's outbox: how many messages wait, and since when the oldest. */
public record QueueState(long depth, Instant oldest) {

    public static final QueueState EMPTY = new QueueState(0, null);
}
