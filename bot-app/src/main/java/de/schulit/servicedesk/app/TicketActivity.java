package de.schulit.servicedesk.app;

import de.schulit.servicedesk.ticket.Ticket;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Makes what happens to tickets visible to the operator: one log line per event under the MDC key {@code ticket}
 * (so {@code grep SD-2026-00042} shows a ticket's life) and the counter of created tickets per service and priority.
 * Log lines carry no names and no text, only numbers, ids and states.
 */
@Component
class TicketActivity implements TicketListener {

    static final String MDC_TICKET = "ticket";

    private static final Logger log = LoggerFactory.getLogger(TicketActivity.class);

    private final MeterRegistry meters;

    TicketActivity(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void on(TicketEvent event) {
        Ticket ticket = event.ticket();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_TICKET, ticket.number())) {
            if (event instanceof TicketEvent.TicketCreated) {
                Counter.builder("servicedesk.tickets.opened").description("Tickets opened")
                        .tag("service", ticket.serviceId()).tag("priority", ticket.priority().name())
                        .tag("type", ticket.requestType().id()).register(meters).increment();
                log.info("Ticket created: school={} service={} type={} priority={} channel={}", ticket.schoolId(),
                        ticket.serviceId(), ticket.requestType().id(), ticket.priority(),
                        ticket.requester().address() == null ? "-" : ticket.requester().address().channel());
            } else if (event instanceof TicketEvent.TicketStatusChanged changed) {
                log.info("Ticket status {} -> {}", changed.from(), ticket.status());
            } else if (event instanceof TicketEvent.AgentReplied) {
                log.info("Agent reply relayed to the requester");
            } else if (event instanceof TicketEvent.RequesterFollowedUp followedUp) {
                log.info("Requester added to the ticket ({})", followedUp.message().type());
            }
        }
    }
}
