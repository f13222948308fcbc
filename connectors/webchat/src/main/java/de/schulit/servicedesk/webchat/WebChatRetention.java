package de.schulit.servicedesk.webchat;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.privacy.ExpiringChats;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Web chat sessions nobody used since the cutoff are deleted; the retention job then forgets their chats. */
@Component
class WebChatRetention implements ExpiringChats {

    private final WebChatSessionRepository sessions;

    WebChatRetention(WebChatSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public List<ChannelAddress> expireIdleBefore(Instant cutoff) {
        List<WebChatSession> idle = sessions.findByLastSeenAtBefore(cutoff);
        sessions.deleteAll(idle);
        return idle.stream().map(session -> WebChatSessions.address(session.idHash())).toList();
    }
}
