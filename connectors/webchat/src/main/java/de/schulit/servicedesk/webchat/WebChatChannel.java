package de.schulit.servicedesk.webchat;

import de.schulit.servicedesk.channel.PolledChannel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web chat's page polls for its messages; nothing is pushed to it. */
@Configuration(proxyBeanMethods = false)
class WebChatChannel {

    @Bean
    PolledChannel webChatIsPolled() {
        return new PolledChannel(WebChatSessions.CHANNEL);
    }
}
