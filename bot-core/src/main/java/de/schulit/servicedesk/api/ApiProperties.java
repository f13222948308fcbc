package de.schulit.servicedesk.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code servicedesk.api.*}: the keys of the agent API and of the admin API (never interchangeable). */
@Validated
@ConfigurationProperties("servicedesk.api")
public record ApiProperties(List<String> agentKeys, List<String> adminKeys) {

    public ApiProperties {
        agentKeys = agentKeys == null ? List.of() : List.copyOf(agentKeys);
        adminKeys = adminKeys == null ? List.of() : List.copyOf(adminKeys);
    }
}
