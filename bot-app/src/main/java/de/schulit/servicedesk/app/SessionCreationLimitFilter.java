package de.schulit.servicedesk.app;

import de.schulit.servicedesk.api.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many web chat sessions one client address opens per minute: each session is a fresh identity, so
 * without this a script could dodge the per-chat limits and fill the database. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} so the client's address is the real one.
 */
class SessionCreationLimitFilter extends OncePerRequestFilter {

    private final KeyedRateLimiter<String> perClient;

    SessionCreationLimitFilter(int sessionsPerMinute) {
        this.perClient = new KeyedRateLimiter<>(sessionsPerMinute);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/api/chat/sessions".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (perClient.admit(request.getRemoteAddr()) != KeyedRateLimiter.Admission.ALLOWED) {
            response.setHeader("Retry-After", "60");
            JsonErrors.write(response, HttpStatus.TOO_MANY_REQUESTS,
                    "Zu viele neue Chats von Ihrem Anschluss. Bitte versuchen Sie es in einer Minute noch einmal.");
            return;
        }
        chain.doFilter(request, response);
    }
}
