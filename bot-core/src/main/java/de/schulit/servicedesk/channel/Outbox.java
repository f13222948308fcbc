package de.schulit.servicedesk.channel;

import java.util.List;

/**
 * Durable store of everything the bot says to a chat, in order. Replies, agent answers and notifications
 * all pass through it in the same transaction as the change that caused them, so nothing is lost:
 * the web chat reads it by cursor, messenger connectors deliver from it.
 */
public interface Outbox {

    QueuedMessage append(ChannelAddress to, BotMessage message);

    /** Messages for one chat with an id greater than the cursor, oldest first. */
    List<QueuedMessage> after(ChannelAddress to, long cursor, int limit);
}
