package de.schulit.servicedesk.app;

import de.schulit.servicedesk.catalog.CatalogLoader;
import de.schulit.servicedesk.catalog.ServiceCatalog;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.dialog.BusinessHours;
import de.schulit.servicedesk.dialog.Classifier;
import de.schulit.servicedesk.dialog.ConversationStore;
import de.schulit.servicedesk.dialog.DialogEngine;
import de.schulit.servicedesk.dialog.DialogMetrics;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.dialog.RequesterNotifier;
import de.schulit.servicedesk.identity.CodeGuessLimits;
import de.schulit.servicedesk.identity.Enrollment;
import de.schulit.servicedesk.nlp.ServiceClassifier;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.identity.EnrollmentCodes;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.school.School;
import de.schulit.servicedesk.school.Schools;
import de.schulit.servicedesk.school.SchoolsLoader;
import de.schulit.servicedesk.ticket.Attachments;
import de.schulit.servicedesk.ticket.Subscriptions;
import de.schulit.servicedesk.ticket.TicketDesk;
import de.schulit.servicedesk.ticket.TicketEvent;
import de.schulit.servicedesk.ticket.TicketListener;
import de.schulit.servicedesk.ticket.Tickets;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns the plain-Java core into beans; the core itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServiceCatalog serviceCatalog(ServicedeskProperties properties) {
        return CatalogLoader.load(properties.catalogFile());
    }

    /** The schools of schools.yml, validated at start-up; they are written to the database by {@link StartupData}. */
    @Bean
    ConfiguredSchools configuredSchools(ServicedeskProperties properties) {
        return new ConfiguredSchools(SchoolsLoader.load(properties.schoolsFile()));
    }

    record ConfiguredSchools(List<School> schools) {
    }

    @Bean
    NlpClassifier classifier(ServiceCatalog catalog, MeterRegistry meters) {
        return new NlpClassifier(catalog, ServiceClassifier::loadDefault, ServiceClassifier::train,
                task -> new Thread(task, "classifier-training").start(), meters);
    }

    @Bean
    ChannelMetrics channelMetrics(MeterRegistry meters, Clock clock) {
        return new ChannelMetrics(meters, clock);
    }

    @Bean
    BusinessHours businessHours(BusinessHoursProperties properties) {
        return properties.toBusinessHours();
    }

    @Bean
    Messages messages() {
        return new Messages();
    }

    @Bean
    Enrollment enrollment(EnrollmentCodes codes, People people, Clock clock, RateLimitProperties limits) {
        return new Enrollment(codes, people, clock, new CodeGuessLimits(new CodeGuessLimits.Settings(
                limits.enrollmentAttemptsPerChat(), limits.enrollmentAttemptsPerChannel(), limits.enrollmentWindow()), clock));
    }

    @Bean
    RequesterNotifier requesterNotifier(Outbox outbox, People people, ConversationStore conversations, Messages messages,
                                        Subscriptions subscriptions) {
        return new RequesterNotifier(outbox, people, conversations, messages, subscriptions);
    }

    @Bean
    TicketDesk ticketDesk(Tickets tickets, Subscriptions subscriptions, Clock clock, BusinessHours hours,
                          ServicedeskProperties properties, ObjectProvider<TicketListener> listeners) {
        TicketDesk desk = new TicketDesk(tickets, subscriptions, clock, hours.zone(), properties.ticketPrefix());
        listeners.orderedStream().forEach(desk::addListener);
        if (CrashTestPause.enabled()) {
            desk.addListener(event -> {
                if (event instanceof TicketEvent.TicketCreated) {
                    CrashTestPause.at(CrashTestPause.TICKET_CREATED);
                }
            });
        }
        return desk;
    }

    @Bean
    DialogEngine dialogEngine(ServiceCatalog catalog, Classifier classifier, People people, Schools schools,
                              Enrollment enrollment, TicketDesk desk, Attachments attachments,
                              ConversationStore conversations, Messages messages, BusinessHours hours, Clock clock,
                              ServicedeskProperties properties, MeterRegistry meters, PersonalData personalData) {
        return new DialogEngine(catalog, classifier, people, schools, enrollment, desk, attachments, conversations,
                messages, hours, clock,
                new DialogEngine.Settings(properties.hotline(), properties.maxTextLength(), Messages.GERMAN,
                        properties.grouping().window()),
                new DialogMetrics(meters), personalData);
    }
}
