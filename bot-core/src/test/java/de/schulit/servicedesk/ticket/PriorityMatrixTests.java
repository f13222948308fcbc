package de.schulit.servicedesk.ticket;

import static de.schulit.servicedesk.catalog.RequestType.ANFRAGE;
import static de.schulit.servicedesk.catalog.RequestType.BEDARF;
import static de.schulit.servicedesk.catalog.RequestType.STOERUNG;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PriorityMatrixTests {

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
        "WHOLE_SCHOOL, BLOCKED_NOW, P1", "WHOLE_SCHOOL, TODAY_OR_TOMORROW, P2", "WHOLE_SCHOOL, NOT_URGENT, P3",
        "SEVERAL_ROOMS, BLOCKED_NOW, P2", "SEVERAL_ROOMS, TODAY_OR_TOMORROW, P2", "SEVERAL_ROOMS, NOT_URGENT, P3",
        "ONE_ROOM, BLOCKED_NOW, P2", "ONE_ROOM, TODAY_OR_TOMORROW, P3", "ONE_ROOM, NOT_URGENT, P4",
        "ONLY_ME, BLOCKED_NOW, P3", "ONLY_ME, TODAY_OR_TOMORROW, P3", "ONLY_ME, NOT_URGENT, P4",
    })
    void stoerungFollowsTheSpecTable(Impact impact, Urgency urgency, Priority expected) {
        assertThat(PriorityMatrix.priorityOf("drucken", STOERUNG, impact, urgency)).isEqualTo(expected);
    }

    @Test
    void securityIsAlwaysP1AndBedarfP4() {
        assertThat(PriorityMatrix.priorityOf("sicherheit", STOERUNG, null, null)).isEqualTo(Priority.P1);
        assertThat(PriorityMatrix.priorityOf("sicherheit", STOERUNG, Impact.ONLY_ME, Urgency.NOT_URGENT)).isEqualTo(Priority.P1);
        assertThat(PriorityMatrix.priorityOf("beschaffung", BEDARF, null, null)).isEqualTo(Priority.P4);
        assertThat(PriorityMatrix.priorityOf("konto", ANFRAGE, null, null)).isEqualTo(Priority.P3);
        assertThat(PriorityMatrix.needsAssessment("sicherheit", STOERUNG)).isFalse();
        assertThat(PriorityMatrix.needsAssessment("wlan", STOERUNG)).isTrue();
        assertThat(PriorityMatrix.needsAssessment("wlan", ANFRAGE)).isFalse();
    }

    @Test
    void ticketNumbersHaveAtLeastFiveDigits() {
        assertThat(new TicketNumber("SD", 2026, 42)).hasToString("SD-2026-00042");
        assertThat(new TicketNumber("SD", 2026, 123456)).hasToString("SD-2026-123456");
        assertThat(TicketNumber.parse("sd-2026-42")).contains(new TicketNumber("SD", 2026, 42));
        assertThat(TicketNumber.parse("SD-26-1")).isEmpty();
    }
}
