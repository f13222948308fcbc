package de.schulit.servicedesk.app;

import de.schulit.servicedesk.privacy.Retention;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code servicedesk.retention.*}: how long chat transcripts are kept ({@code P30D}, {@code 30d}), after how long
 * CLOSED tickets are pseudonymised ({@code P6M}), and when the retention job runs (Spring cron, server time zone).
 */
@Validated
@ConfigurationProperties("servicedesk.retention")
public record RetentionProperties(
        @NotNull @DurationMin(days = 1, message = "must be at least one day (e.g. P30D)")
        @DefaultValue("P30D") Duration transcripts,
        @NotNull @DefaultValue("P6M") Period pseudonymiseClosedAfter,
        @NotNull @DefaultValue(RetentionProperties.DEFAULT_SCHEDULE) String schedule) {

    static final String DEFAULT_SCHEDULE = "0 30 3 * * *";

    @AssertTrue(message = "servicedesk.retention.pseudonymise-closed-after must be positive, e.g. P6M")
    boolean isPseudonymisePeriodPositive() {
        return pseudonymiseClosedAfter == null || (!pseudonymiseClosedAfter.isNegative() && !pseudonymiseClosedAfter.isZero());
    }

    @AssertTrue(message = "servicedesk.retention.schedule must be a Spring cron expression, e.g. \"0 30 3 * * *\"")
    boolean isScheduleValid() {
        return schedule == null || CronExpression.isValidExpression(schedule);
    }

    Retention.Settings toSettings() {
        return new Retention.Settings(transcripts, pseudonymiseClosedAfter);
    }
}
