package de.schulit.servicedesk.privacy;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Instant;
import java.util.List;

/** A channel's own chat records that expire (web chat sessions): deletes those idle since the cutoff. */
public interface ExpiringChats {

    /** Deletes the chats not used since the cutoff and returns their addresses. */
    List<ChannelAddress> expireIdleBefore(Instant cutoff);
}
