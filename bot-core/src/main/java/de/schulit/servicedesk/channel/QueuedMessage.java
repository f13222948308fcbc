package de.schulit.servicedesk.channel;

import java.time.Instant;

/** A bot message stored in the outbox, with the cursor the channel reads it by. */
public record QueuedMessage(long id, ChannelAddress to, BotMessage message, Instant at) {
}
