package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.privacy.ExpiringChats;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data protection for the channel's own tables: the retention job deletes stored events (what users wrote) and sent
 * room posts (ticket summaries with the requester's name) older than the transcript period, if the connector has not
 * purged them already, and requesters' rooms not written from since; forgetting a chat deletes what it sent and the
 * agents' room posts about its tickets. Matrix chats themselves never expire.
 */
class MatrixRecords implements ExpiringChats {

    private final MatrixStore store;
    private final String agentRoomId;

    MatrixRecords(MatrixStore store, String agentRoomId) {
        this.store = store;
        this.agentRoomId = agentRoomId;
    }

    @Override
    @Transactional
    public List<ChannelAddress> expireIdleBefore(Instant cutoff) {
        store.purgeBefore(cutoff);
        store.expireRoomsBefore(cutoff, agentRoomId);
        return List.of();
    }

    @Override
    @Transactional
    public void forget(Collection<ChannelAddress> addresses) {
        for (ChannelAddress address : addresses) {
            store.forgetTicketPostsOf(address);
            if (MatrixInboundMapper.CHANNEL.equals(address.channel())) {
                store.forgetUser(address.id(), agentRoomId);
            }
        }
    }
}
