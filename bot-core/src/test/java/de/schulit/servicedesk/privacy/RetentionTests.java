package de.schulit.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which cutoffs the retention rules use; what they delete is tested on the real database (bot-app). */
class RetentionTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:30:00Z"));
    final Map<String, Instant> cutoffs = new LinkedHashMap<>();
    final List<Collection<ChannelAddress>> forgotten = new ArrayList<>();
    final ChannelAddress idleChat = new ChannelAddress("webchat", "abc");

    final PersonalData data = new PersonalData() {
        @Override
        public int deleteConversationsBefore(Instant cutoff) {
            cutoffs.put("conversations", cutoff);
            return 2;
        }

        @Override
        public int deleteOutboundMessagesBefore(Instant cutoff) {
            cutoffs.put("outbox", cutoff);
            return 5;
        }

        @Override
        public int deleteUnlinkedAttachmentsBefore(Instant cutoff) {
            cutoffs.put("attachments", cutoff);
            return 1;
        }

        @Override
        public int forgetAddresses(Collection<ChannelAddress> addresses) {
            forgotten.add(List.copyOf(addresses));
            return addresses.size();
        }

        @Override
        public int deletePersonsWithoutIdentityBefore(Instant cutoff) {
            cutoffs.put("persons", cutoff);
            return 0;
        }

        @Override
        public int pseudonymiseClosedTicketsBefore(Instant cutoff) {
            cutoffs.put("tickets", cutoff);
            return 3;
        }

        @Override
        public List<ChannelAddress> erasePerson(long personId) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void transcriptsGoAfterTheirDurationAndClosedTicketsAfterCalendarMonths() {
        ExpiringChats webChat = cutoff -> {
            cutoffs.put("sessions", cutoff);
            return List.of(idleChat);
        };
        Retention retention = new Retention(data, List.of(webChat), clock,
                new Retention.Settings(Duration.ofDays(30), Period.ofMonths(6)));

        Retention.Report report = retention.run();

        Instant thirtyDaysAgo = Instant.parse("2026-10-27T03:30:00Z");
        assertThat(cutoffs).containsEntry("sessions", thirtyDaysAgo).containsEntry("conversations", thirtyDaysAgo)
                .containsEntry("outbox", thirtyDaysAgo).containsEntry("attachments", thirtyDaysAgo)
                .containsEntry("persons", thirtyDaysAgo)
                .containsEntry("tickets", Instant.parse("2026-05-26T03:30:00Z"));
        assertThat(forgotten).containsExactly(List.of(idleChat));
        assertThat(report).isEqualTo(new Retention.Report(2, 5, 1, 1, 0, 3));
        assertThat(report.total()).isEqualTo(12);

        clock.advance(Duration.ofDays(1));
        retention.run();
        assertThat(cutoffs).containsEntry("conversations", thirtyDaysAgo.plus(Duration.ofDays(1)));
    }
}
