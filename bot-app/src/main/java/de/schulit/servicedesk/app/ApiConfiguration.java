package de.schulit.servicedesk.app;

import de.schulit.servicedesk.api.ApiKeyFilter;
import de.schulit.servicedesk.api.ApiKeys;
import de.schulit.servicedesk.api.ApiProperties;
import de.schulit.servicedesk.api.RequestSizeLimitFilter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** API keys (from the configuration, or generated in demo mode), and the filters in front of every request. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    /** The keys in force; demo mode generates them when none are configured and prints them at start-up. */
    record ResolvedKeys(List<String> agentKeys, List<String> adminKeys, boolean generated) {
    }

    @Bean
    ResolvedKeys resolvedKeys(ApiProperties properties, DemoProperties demo) {
        List<String> agent = properties.agentKeys();
        List<String> admin = properties.adminKeys();
        boolean generate = demo.enabled() && (agent.isEmpty() || admin.isEmpty());
        if (generate) {
            agent = agent.isEmpty() ? List.of("agent-" + randomKey()) : agent;
            admin = admin.isEmpty() ? List.of("admin-" + randomKey()) : admin;
        } else if (agent.isEmpty() || admin.isEmpty()) {
            log.warn("servicedesk.api.agent-keys or servicedesk.api.admin-keys is empty: that API rejects every request");
        }
        return new ResolvedKeys(agent, admin, generate);
    }

    @Bean
    ApiKeys apiKeys(ResolvedKeys keys) {
        return new ApiKeys(keys.agentKeys(), keys.adminKeys());
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ServicedeskProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SessionCreationLimitFilter> sessionCreationLimitFilter(RateLimitProperties limits) {
        FilterRegistrationBean<SessionCreationLimitFilter> registration =
                new FilterRegistrationBean<>(new SessionCreationLimitFilter(limits.sessionsPerMinute()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
