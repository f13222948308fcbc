package de.schulit.servicedesk.app;

import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.dialog.BusinessHours;
import de.schulit.servicedesk.dialog.ConversationStore;
import de.schulit.servicedesk.dialog.IntakeReminders;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.ticket.ResolvedTicketCloser;
import de.schulit.servicedesk.ticket.TicketDesk;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The core's periodic work as beans; {@link ScheduledJobs} runs it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class JobsConfiguration {

    @Bean
    IntakeReminders intakeReminders(ConversationStore conversations, Outbox outbox, Messages messages, Clock clock,
                                    BusinessHours hours, ServicedeskProperties properties) {
        return new IntakeReminders(conversations, outbox, messages, clock, hours, properties.dialog().reminderAfter(),
                properties.dialog().expireAfter());
    }

    @Bean
    ResolvedTicketCloser resolvedTicketCloser(TicketDesk desk, Clock clock, ServicedeskProperties properties,
                                              MeterRegistry meters) {
        return new ResolvedTicketCloser(desk, clock, properties.resolution().autoCloseAfter(), meters);
    }
}
