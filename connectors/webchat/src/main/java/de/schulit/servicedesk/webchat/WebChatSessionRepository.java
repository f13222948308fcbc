package de.schulit.servicedesk.webchat;

import java.time.Instant;
import java.util.List;
import org.springframework.data.repository.CrudRepository;

interface WebChatSessionRepository extends CrudRepository<WebChatSession, String> {

    List<WebChatSession> findByLastSeenAtBefore(Instant cutoff);
}
