package de.schulit.servicedesk.webchat;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code servicedesk.webchat.*}. A session unused for {@code session-timeout} is gone: its id no longer opens the
 * chat (an open page polls, which counts as use). Long enough by default for an agent's answer days later.
 */
@Validated
@ConfigurationProperties("servicedesk.webchat")
record WebChatProperties(@NotNull @DefaultValue("30d") Duration sessionTimeout) {

    WebChatProperties {
        if (sessionTimeout.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException("servicedesk.webchat.session-timeout must be at least 5 minutes");
        }
    }
}
