package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.channel.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted state of one chat: the step, the draft, and the options the last bot message offered
 * (a pressed option is only accepted if it is among them). Mutable; the engine changes it and the store saves it.
 */
public final class Conversation {

    Step step = Step.IDLE;
    String language;
    Draft draft;
    /** The enrollment code given with /start while the name is asked for. */
    String enrollmentCode;
    List<Option> offered = new ArrayList<>();
    /** The ticket the service desk last wrote about; a plain answer may be meant for it. */
    String replyTo;
    /** Text held while asking whether it is a follow-up or a new request. */
    String pendingText;
    Instant updatedAt;

    public static Conversation start(String language) {
        Conversation conversation = new Conversation();
        conversation.language = language;
        return conversation;
    }

    public Step step() {
        return step;
    }

    public String language() {
        return language;
    }

    public Draft draft() {
        return draft;
    }

    public String replyTo() {
        return replyTo;
    }

    public void replyTo(String ticketNumber) {
        this.replyTo = ticketNumber;
    }

    public List<Option> offered() {
        return offered;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
