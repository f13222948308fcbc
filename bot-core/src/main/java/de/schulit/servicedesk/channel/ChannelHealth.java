package de.schulit.servicedesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A channel's health as the operator sees it at {@code /actuator/health}: up while connected and (for a polling
 * channel) heard from the platform recently; the details say when it last did, when it last delivered and how long
 * the oldest message has been waiting. A long queue alone does not make a channel DOWN: one user who blocked the bot
 * keeps their messages waiting while everybody else is served. Each connector wraps this in its HealthIndicator.
 */
public record ChannelHealth(boolean up, Map<String, Object> details) {

    /**
     * @param connected  whether the connector is set up (polling started, webhook set)
     * @param maxSilence the longest time without contact that is still normal, or null if the channel does not
     *                   poll (webhook: the platform calls only when there is something to say)
     * @param queue      the outbox queue of a delivering channel, or null for a channel read by cursor
     */
    public static ChannelHealth of(boolean connected, ChannelMetrics.Activity activity, QueueState queue,
                                   Duration maxSilence, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connected", connected);
        boolean heard = maxSilence == null
                || (activity.lastContact() != null && !activity.lastContact().plus(maxSilence).isBefore(now));
        if (activity.lastContact() != null) {
            details.put("lastContact", activity.lastContact().toString());
        }
        if (activity.lastDelivery() != null) {
            details.put("lastDelivery", activity.lastDelivery().toString());
        }
        if (activity.lastInbound() != null) {
            details.put("lastInbound", activity.lastInbound().toString());
        }
        if (queue != null) {
            details.put("queueDepth", queue.depth());
            if (queue.oldest() != null) {
                details.put("oldestQueuedAt", queue.oldest().toString());
                details.put("queueAgeSeconds", Duration.between(queue.oldest(), now).toSeconds());
            }
        }
        if (connected && !heard) {
            details.put("problem", "no contact with the platform for more than " + maxSilence.toSeconds() + " s");
        }
        return new ChannelHealth(connected && heard, details);
    }
}
