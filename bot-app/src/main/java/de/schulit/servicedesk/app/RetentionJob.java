package de.schulit.servicedesk.app;

import de.schulit.servicedesk.privacy.ExpiringChats;
import de.schulit.servicedesk.privacy.PersonalData;
import de.schulit.servicedesk.privacy.Retention;
import java.time.Clock;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention rules ({@link Retention}) on {@code servicedesk.retention.schedule}, by default every night.
 * One public method, so that a cluster-wide lock can be put on it.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(PersonalData personalData, List<ExpiringChats> channels, Clock clock, RetentionProperties properties) {
        this.retention = new Retention(personalData, channels, clock, properties.toSettings());
    }

    @Scheduled(cron = "${servicedesk.retention.schedule:" + RetentionProperties.DEFAULT_SCHEDULE + "}")
    @SchedulerLock(name = "apply-retention", lockAtMostFor = "PT1H")
    public void applyRetention() {
        Retention.Report report = retention.run();
        log.info("Retention: deleted {} conversations, {} outbound messages, {} unused attachments, {} expired chats,"
                        + " {} persons without chat; pseudonymised {} closed tickets", report.conversations(),
                report.outboundMessages(), report.attachments(), report.expiredChats(), report.persons(),
                report.pseudonymisedTickets());
    }
}
