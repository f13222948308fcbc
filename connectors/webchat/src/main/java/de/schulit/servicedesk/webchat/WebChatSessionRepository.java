package de.schulit.servicedesk.webchat;

import org.springframework.data.repository.CrudRepository;

interface WebChatSessionRepository extends CrudRepository<WebChatSession, String> {
}
