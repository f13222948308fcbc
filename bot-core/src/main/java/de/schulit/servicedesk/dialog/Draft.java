package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.catalog.RequestType;
import de.schulit.servicedesk.ticket.AttachmentRef;
import de.schulit.servicedesk.ticket.Impact;
import de.schulit.servicedesk.ticket.Urgency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ticket being put together in an intake dialog. Mutable: it lives inside one {@link Conversation}. */
public final class Draft {

    /** A step the user has passed, so "zurück" can return to it. */
    public record Position(Step step, int questionIndex) {
    }

    String description;
    List<Classification.Candidate> candidates = new ArrayList<>();
    RequestType suggestedType;
    String serviceId;
    RequestType requestType;
    Map<String, String> answers = new LinkedHashMap<>();
    int questionIndex;
    Impact impact;
    Urgency urgency;
    List<AttachmentRef> attachments = new ArrayList<>();
    /** Whether the service choice shows the whole catalog rather than the classifier's candidates. */
    boolean fullMenu;
    List<Position> trail = new ArrayList<>();
    /** Whether the service's self-help hints were shown already. */
    boolean selfHelpOffered;
    /** Whether open tickets of the school were searched for the same problem already. */
    boolean groupingChecked;
    /** The open ticket offered to join. */
    String joinCandidate;
    /** Whether the summary was confirmed: declining a join offer then files the ticket at once. */
    boolean confirmed;
    /** The question to go on with after self-help or a declined join offer. */
    int resumeAt;
    /** The chat of this intake, for the agents: "Sie: …" and "Bot: …" lines. */
    List<String> transcript = new ArrayList<>();

    public String description() {
        return description;
    }

    public String serviceId() {
        return serviceId;
    }

    public RequestType requestType() {
        return requestType;
    }

    public Map<String, String> answers() {
        return answers;
    }

    public List<AttachmentRef> attachments() {
        return attachments;
    }
}
