package de.schulit.servicedesk.privacy;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The retention rules: chat transcripts (conversation states, the outbox, unused attachments, idle web chat
 * sessions and the identities that hung on them) are deleted after {@code transcripts}; persons left without any
 * chat identity and open ticket go with them; CLOSED tickets are pseudonymised {@code pseudonymiseClosedAfter}
 * their last change. Run periodically; each run catches up on everything that is due.
 */
public final class Retention {

    public record Settings(Duration transcripts, Period pseudonymiseClosedAfter) {

        public Settings {
            Objects.requireNonNull(transcripts, "transcripts");
            Objects.requireNonNull(pseudonymiseClosedAfter, "pseudonymiseClosedAfter");
        }
    }

    /** How much one run removed; counts only, safe to log. */
    public record Report(int conversations, int outboundMessages, int attachments, int expiredChats, int persons,
                         int pseudonymisedTickets) {

        public int total() {
            return conversations + outboundMessages + attachments + expiredChats + persons + pseudonymisedTickets;
        }
    }

    private final PersonalData data;
    private final List<ExpiringChats> channels;
    private final Clock clock;
    private final Settings settings;

    public Retention(PersonalData data, List<ExpiringChats> channels, Clock clock, Settings settings) {
        this.data = data;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.settings = settings;
    }

    public Report run() {
        Instant now = clock.instant();
        Instant transcriptCutoff = now.minus(settings.transcripts());
        List<ChannelAddress> expired = new ArrayList<>();
        channels.forEach(channel -> expired.addAll(channel.expireIdleBefore(transcriptCutoff)));
        data.forgetAddresses(expired);
        int conversations = data.deleteConversationsBefore(transcriptCutoff);
        int messages = data.deleteOutboundMessagesBefore(transcriptCutoff);
        int attachments = data.deleteUnlinkedAttachmentsBefore(transcriptCutoff);
        int persons = data.deletePersonsWithoutIdentityBefore(transcriptCutoff);
        Instant closedCutoff = now.atOffset(ZoneOffset.UTC).minus(settings.pseudonymiseClosedAfter()).toInstant();
        int tickets = data.pseudonymiseClosedTicketsBefore(closedCutoff);
        return new Report(conversations, messages, attachments, expired.size(), persons, tickets);
    }
}
