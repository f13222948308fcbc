package de.schulit.servicedesk.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code servicedesk.*}: where the catalog and the schools are, ticket numbers, the hotline, input limits, and the
 * times of outage grouping, the resolution loop and the reminders of unfinished reports.
 */
@Validated
@ConfigurationProperties("servicedesk")
public record ServicedeskProperties(
        @NotNull @DefaultValue("config/catalog.yml") Path catalogFile,
        @NotNull @DefaultValue("config/schools.yml") Path schoolsFile,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}", message = "must be 1-10 upper-case letters or digits")
        @DefaultValue("SD") String ticketPrefix,
        @NotBlank @DefaultValue("0331 289-3111") String hotline,
        @Min(200) @Max(20000) @DefaultValue("4000") int maxTextLength,
        @Min(1024) @Max(10485760) @DefaultValue("65536") long maxRequestBytes,
        @Valid @DefaultValue Grouping grouping,
        @Valid @DefaultValue Resolution resolution,
        @Valid @DefaultValue Dialog dialog) {

    /** {@code servicedesk.grouping.window}: how old an open ticket may be to be offered for joining; 0 switches it off. */
    public record Grouping(@DefaultValue("PT4H") Duration window) {
        public Grouping {
            require(!window.isNegative() && window.compareTo(Duration.ofDays(7)) <= 0,
                    "servicedesk.grouping.window must be between 0 (off) and 7 days, was " + window);
        }
    }

    /** {@code servicedesk.resolution.auto-close-after}: a RESOLVED ticket without the requester's answer closes. */
    public record Resolution(@DefaultValue("P5D") Duration autoCloseAfter) {
        public Resolution {
            require(autoCloseAfter.compareTo(Duration.ofHours(1)) >= 0,
                    "servicedesk.resolution.auto-close-after must be at least 1 hour, was " + autoCloseAfter);
        }
    }

    /**
     * {@code servicedesk.dialog.reminder-after} / {@code .expire-after}: silence after which an unfinished report is
     * reminded once, and after which it is discarded (both counted from the person's last message).
     */
    public record Dialog(@DefaultValue("PT2H") Duration reminderAfter, @DefaultValue("P1D") Duration expireAfter) {
        public Dialog {
            require(reminderAfter.compareTo(Duration.ofMinutes(1)) >= 0,
                    "servicedesk.dialog.reminder-after must be at least 1 minute, was " + reminderAfter);
            require(expireAfter.compareTo(reminderAfter) > 0,
                    "servicedesk.dialog.expire-after must be longer than servicedesk.dialog.reminder-after, was "
                            + expireAfter);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
