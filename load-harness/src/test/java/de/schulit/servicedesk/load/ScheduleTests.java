package de.schulit.servicedesk.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTests {

    private static final long INTERVAL = 100;

    @Test
    void turnsAreDueEveryIntervalHoweverLongTheAnswersTook() {
        Schedule schedule = new Schedule(INTERVAL, 1_000, () -> 0.5);

        assertThat(schedule.next(1_000, null)).isEqualTo(1_050); // users start spread over one interval
        assertThat(schedule.next(1_060, null)).isEqualTo(1_150); // a quick answer: wait for the next slot
        // a slow answer (due 1_250, sent at 1_400): the turn goes out at once but counts from when it was due
        assertThat(schedule.next(1_400, null)).isEqualTo(1_250);
        assertThat(schedule.next(1_410, null)).isEqualTo(1_350);
        assertThat(schedule.next(1_420, null)).isEqualTo(1_450);
    }

    @Test
    void theMeasurementStartsAFreshScheduleWithoutTheWarmUpsBacklog() {
        Schedule schedule = new Schedule(INTERVAL, 0, () -> 0.25);
        schedule.next(0, null);
        schedule.next(5_000, null); // far behind at the end of the warm-up: due 125, sent at 5_000

        long measuredFrom = 5_000;
        assertThat(schedule.next(5_010, measuredFrom)).isEqualTo(5_025);
        assertThat(schedule.next(5_030, measuredFrom)).isEqualTo(5_125);
        assertThat(schedule.next(5_130, measuredFrom)).isEqualTo(5_225); // restarted once, not at every turn
    }

    @Test
    void aUserSeeingTheMeasurementLateStartsFromNowNotInThePast() {
        Schedule schedule = new Schedule(INTERVAL, 0, () -> 0.0);
        schedule.next(0, null);

        assertThat(schedule.next(7_000, 5_000L)).isEqualTo(7_000);
        assertThat(schedule.next(7_010, 5_000L)).isEqualTo(7_100);
    }

    @Test
    void anIntervalOfZeroIsAClosedLoopAndHasNoSchedule() {
        assertThatThrownBy(() -> new Schedule(0, 0, () -> 0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
