package de.schulit.servicedesk.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code servicedesk.demo.enabled}: seed demo schools, codes and API keys. Never in production. */
@ConfigurationProperties("servicedesk.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled) {
}
