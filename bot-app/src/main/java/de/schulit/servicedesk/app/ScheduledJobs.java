package de.schulit.servicedesk.app;

import de.schulit.servicedesk.dialog.IntakeReminders;
import de.schulit.servicedesk.ticket.ResolvedTicketCloser;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic jobs, one public method each; the logic is in the plain core classes. Each run is one transaction:
 * if it collides with a dialog turn, nothing of it is kept and the next run does it again.
 */
@Component
class ScheduledJobs {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    private final IntakeReminders reminders;
    private final ResolvedTicketCloser closer;
    private final TransactionTemplate transaction;

    ScheduledJobs(IntakeReminders reminders, ResolvedTicketCloser closer, PlatformTransactionManager transactions) {
        this.reminders = reminders;
        this.closer = closer;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "remind-unfinished-intakes", lockAtMostFor = "PT5M")
    public void remindUnfinishedIntakes() {
        Integer told = transaction.execute(status -> reminders.run());
        if (told != null && told > 0) {
            log.info("Reminded or discarded {} unfinished report(s)", told);
        }
    }

    @Scheduled(initialDelay = 2, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "close-resolved-tickets", lockAtMostFor = "PT10M")
    public void closeResolvedTickets() {
        Integer closed = transaction.execute(status -> closer.run());
        if (closed != null && closed > 0) {
            log.info("Closed {} resolved ticket(s) without an answer of the requester", closed);
        }
    }
}
