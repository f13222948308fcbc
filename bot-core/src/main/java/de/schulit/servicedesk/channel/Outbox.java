package de.schulit.servicedesk.channel;

import java.time.Instant;
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

    /**
     * For connectors that deliver (Telegram): of every chat of the channel that has undelivered messages, the oldest
     * of them (the head of that chat's queue), oldest first, at most {@code limit}. A chat's next message shows up
     * only once its head is marked delivered, so a message can never overtake one that failed. Channels read by
     * cursor (the web chat) never mark anything delivered and never ask.
     */
    List<QueuedMessage> nextUndelivered(String channel, int limit);

    /** Records that the channel delivered the message; it no longer shows up in {@link #nextUndelivered}. */
    void markDelivered(long id, Instant at);

    /** How many messages of a delivering channel wait for delivery, and the oldest of them (metrics and health). */
    QueueState queue(String channel);
}
