package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTests {

    private static MockHttpServletResponse filter(String uri, boolean secure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setSecure(secure);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void everyResponseCarriesTheHardeningHeaders() throws Exception {
        MockHttpServletResponse page = filter("/", false);
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
                "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(page.getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(page.getHeader("Cache-Control")).as("the page may be cached").isNull();
        assertThat(page.getHeader("Strict-Transport-Security")).as("HSTS over plain HTTP is meaningless").isNull();
    }

    @Test
    void apiAnswersAreNeverStoredAndHttpsGetsHsts() throws Exception {
        assertThat(filter("/api/chat/sessions", false).getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(filter("/api/tickets", true).getHeader("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000; includeSubDomains");
    }
}
