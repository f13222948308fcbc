package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Looks after reports left half-way: once the person has been silent for {@code remindAfter}, they are reminded
 * once (with the buttons of the open question again); silent for {@code expireAfter} (counted from the last
 * activity, too), the draft is discarded with a short notice. Both are sent only within business hours, so nobody
 * is messaged at night or at the weekend: what falls due meanwhile is sent at the next opening. Run periodically;
 * each run handles a bounded batch.
 */
public final class IntakeReminders {

    static final int BATCH = 200;

    private final ConversationStore conversations;
    private final Outbox outbox;
    private final Messages messages;
    private final Clock clock;
    private final BusinessHours businessHours;
    private final Duration remindAfter;
    private final Duration expireAfter;

    public IntakeReminders(ConversationStore conversations, Outbox outbox, Messages messages, Clock clock,
                           BusinessHours businessHours, Duration remindAfter, Duration expireAfter) {
        if (expireAfter.compareTo(remindAfter) <= 0) {
            throw new IllegalArgumentException("expireAfter must be longer than remindAfter");
        }
        this.conversations = conversations;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.businessHours = businessHours;
        this.remindAfter = remindAfter;
        this.expireAfter = expireAfter;
    }

    /** Reminds and expires what is due; returns how many chats got a message. */
    public int run() {
        Instant now = clock.instant();
        if (!businessHours.isOpen(now)) {
            return 0;
        }
        List<ChannelAddress> due = conversations.unfinishedSince(now.minus(remindAfter), BATCH);
        int told = 0;
        for (ChannelAddress address : due) {
            Conversation conversation = conversations.load(address).orElse(null);
            if (conversation == null || !conversation.inIntake() || conversation.updatedAt == null) {
                continue;
            }
            String language = Messages.supported(conversation.language);
            String description = conversation.draft == null || conversation.draft.description == null ? ""
                    : TicketComposer.cut(conversation.draft.description, TicketComposer.TITLE_LENGTH);
            if (!conversation.updatedAt.plus(expireAfter).isAfter(now)) {
                outbox.append(address, BotMessage.of(messages.text(language, "reminder.expired", description)));
                conversation.step = Step.IDLE;
                conversation.draft = null;
                conversation.pendingText = null;
                conversation.interrupted = null;
                conversation.focusTicket = null;
                conversation.offered = List.of();
                conversation.remindedAt = null;
            } else if (conversation.remindedAt == null) {
                outbox.append(address, BotMessage.of(messages.text(language, "reminder.unfinished", description),
                        conversation.offered));
                conversation.remindedAt = now;
            } else {
                continue;
            }
            conversations.save(address, conversation);
            told++;
        }
        return told;
    }
}
