package de.schulit.servicedesk.app;

import de.schulit.servicedesk.dialog.BusinessHours;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code servicedesk.business-hours.*}: when the hotline is staffed. Parsed here, so a typo fails the start with
 * the key's name instead of silently moving the hotline hours.
 */
@ConfigurationProperties("servicedesk.business-hours")
public record BusinessHoursProperties(
        @DefaultValue("Europe/Berlin") String zone,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) List<String> days,
        @DefaultValue("07:00") String open,
        @DefaultValue("15:00") String close,
        @DefaultValue({}) List<String> holidays) {

    public BusinessHours toBusinessHours() {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw invalid("zone", zone, "a time zone such as Europe/Berlin");
        }
        Set<DayOfWeek> workingDays = new HashSet<>();
        for (String day : days) {
            try {
                workingDays.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid("days", day, "MONDAY ... SUNDAY");
            }
        }
        Set<LocalDate> holidayDates = new HashSet<>();
        for (String holiday : holidays) {
            try {
                holidayDates.add(LocalDate.parse(holiday.strip()));
            } catch (DateTimeParseException e) {
                throw invalid("holidays", holiday, "a date such as 2026-12-24");
            }
        }
        LocalTime opening = time("open", open);
        LocalTime closing = time("close", close);
        if (!opening.isBefore(closing)) {
            throw new IllegalStateException("servicedesk.business-hours.open (" + open
                    + ") must be before servicedesk.business-hours.close (" + close + ")");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalStateException("servicedesk.business-hours.days must name at least one day");
        }
        return new BusinessHours(zoneId, workingDays, opening, closing, holidayDates);
    }

    private static LocalTime time(String key, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(key, value, "a time such as 07:00");
        }
    }

    private static IllegalStateException invalid(String key, String value, String expected) {
        return new IllegalStateException("servicedesk.business-hours." + key + ": '" + value + "' is invalid, expected " + expected);
    }
}
