package de.schulit.servicedesk.app;

import de.schulit.servicedesk.ticket.TicketNumber;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Agent API calls on one ticket ({@code /api/tickets/SD-2026-00042/...}) log under its number (MDC {@code ticket}). */
@Component
class TicketMdcFilter extends OncePerRequestFilter {

    private static final Pattern TICKET_PATH = Pattern.compile("/api/tickets/([^/]+)(/.*)?");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = TICKET_PATH.matcher(request.getRequestURI());
        String number = path.matches() ? TicketNumber.parse(path.group(1)).map(TicketNumber::toString).orElse(null) : null;
        if (number == null) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(TicketActivity.MDC_TICKET, number)) {
            chain.doFilter(request, response);
        }
    }
}
