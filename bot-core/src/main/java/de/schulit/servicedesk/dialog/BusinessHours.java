package de.schulit.servicedesk.dialog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** When the hotline is staffed: working days between open and close, except holidays, in one time zone. */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close, Set<LocalDate> holidays) {

    public BusinessHours {
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("opening time must be before closing time");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is required");
        }
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return isWorkingDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(open)
                && local.toLocalTime().isBefore(close);
    }

    /** The next moment the hotline opens, strictly after the given instant. */
    public ZonedDateTime nextOpening(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(open)) {
            day = day.plusDays(1);
        }
        // A year of holidays in a row would be a configuration error; the bound keeps the loop finite.
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day.atTime(open).atZone(zone);
            }
        }
        throw new IllegalStateException("no working day within the next 400 days");
    }

    private boolean isWorkingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
