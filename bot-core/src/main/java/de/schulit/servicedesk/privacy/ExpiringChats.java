package de.schulit.servicedesk.privacy;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What a channel keeps about chats in tables of its own (web chat sessions, Matrix's stored events and rooms): the
 * retention job expires it by age, and it goes with a chat that is forgotten.
 */
public interface ExpiringChats {

    /**
     * Deletes the channel's records not used since the cutoff and returns the addresses of chats that ended with
     * them (an expired web chat session), which are then forgotten.
     */
    List<ChannelAddress> expireIdleBefore(Instant cutoff);

    /** Deletes what the channel keeps about these chats (of any channel), before the core forgets them. */
    default void forget(Collection<ChannelAddress> addresses) {
    }
}
