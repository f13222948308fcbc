package de.schulit.servicedesk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the agent API ({@code /api/tickets}), the admin API ({@code /api/schools}) and {@code /api/classify}
 * (either kind) with the {@code X-API-Key} header. A missing or unknown key is 401, a key of the wrong kind 403.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return required(request.getRequestURI()) == null;
    }

    /** Which key kind a path needs; null for paths outside the keyed APIs. */
    static Requirement required(String path) {
        if (path.equals("/api/tickets") || path.startsWith("/api/tickets/")) {
            return Requirement.AGENT;
        }
        if (path.equals("/api/schools") || path.startsWith("/api/schools/")) {
            return Requirement.ADMIN;
        }
        if (path.equals("/api/classify")) {
            return Requirement.AGENT_OR_ADMIN;
        }
        return null;
    }

    enum Requirement { AGENT, ADMIN, AGENT_OR_ADMIN }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeys.Kind> kind = keys.kindOf(request.getHeader(HEADER));
        if (kind.isEmpty()) {
            JsonErrors.write(response, HttpStatus.UNAUTHORIZED, "Fehlender oder ungültiger API-Schlüssel (Header X-API-Key)");
            return;
        }
        boolean allowed = switch (required(request.getRequestURI())) {
            case AGENT -> kind.get() == ApiKeys.Kind.AGENT;
            case ADMIN -> kind.get() == ApiKeys.Kind.ADMIN;
            case AGENT_OR_ADMIN -> true;
        };
        if (!allowed) {
            JsonErrors.write(response, HttpStatus.FORBIDDEN, "Dieser API-Schlüssel berechtigt nicht zu dieser Schnittstelle");
            return;
        }
        chain.doFilter(request, response);
    }
}
