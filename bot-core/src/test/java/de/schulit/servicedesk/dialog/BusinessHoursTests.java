package de.schulit.servicedesk.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessHours hours = new BusinessHours(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(7, 0), LocalTime.of(15, 0), Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));

    static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void openOnWorkingDaysBetweenOpeningAndClosingInBerlinTime() {
        assertThat(hours.isOpen(berlin("2026-11-26T07:00"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-11-26T14:59"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-11-26T15:00"))).isFalse();
        assertThat(hours.isOpen(berlin("2026-11-26T06:59"))).isFalse();
        assertThat(hours.isOpen(berlin("2026-11-28T10:00"))).as("Saturday").isFalse();
        // Summer time: 07:30 in Berlin is 05:30 UTC.
        assertThat(hours.isOpen(Instant.parse("2026-07-01T05:30:00Z"))).isTrue();
    }

    @Test
    void holidaysAreClosedAndSkippedByNextOpening() {
        assertThat(hours.isOpen(berlin("2026-12-24T10:00"))).isFalse();
        assertThat(hours.nextOpening(berlin("2026-12-23T16:00"))).isEqualTo(ZonedDateTime.of(2026, 12, 28, 7, 0, 0, 0, BERLIN));
    }

    @Test
    void nextOpeningIsLaterTodayOrTheNextWorkingDay() {
        assertThat(hours.nextOpening(berlin("2026-11-26T05:00"))).isEqualTo(ZonedDateTime.of(2026, 11, 26, 7, 0, 0, 0, BERLIN));
        assertThat(hours.nextOpening(berlin("2026-11-27T15:30"))).isEqualTo(ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, BERLIN));
    }
}
