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
    /** RESOLVED tickets whose "Ist das Problem gelöst?" this chat has not answered yet, oldest first. */
    List<String> awaitingConfirmation = new ArrayList<>();
    /** The ticket a reopen comment or a rating is being asked for. */
    String focusTicket;
    /** The intake step a resolution question interrupted; the dialog returns to it afterwards. */
    Step interrupted;
    /** When an unfinished intake was last reminded; null once the person answers again. */
    Instant remindedAt;
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

    /** Whether a report is being put together (and may be reminded of or expire). */
    public boolean inIntake() {
        return draft != null && draft.description != null || Step.INTAKE.contains(step);
    }
}
