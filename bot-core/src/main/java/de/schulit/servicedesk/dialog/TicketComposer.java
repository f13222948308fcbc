package de.schulit.servicedesk.dialog;

import de.schulit.servicedesk.catalog.CatalogService;
import de.schulit.servicedesk.catalog.Question;
import de.schulit.servicedesk.catalog.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a finished intake into what agents read: a title of at most 80 characters ("Drucken &amp; Kopieren / Drucker,
 * Lehrerzimmer: Der Drucker druckt nur leere Seiten") and a description with the requester's words followed by the
 * answers, one per line. Always in German, the desk's language, whatever language the requester wrote in.
 */
final class TicketComposer {

    static final int TITLE_LENGTH = 80;
    static final String BOT_AUTHOR = "Servicedesk-Bot";
    /** Service, key answers and room take at most this much of the title; the rest is the requester's words. */
    private static final int HEAD_LENGTH = 50;
    /** Questions whose answer says where the problem is. */
    private static final Set<String> LOCATION_QUESTIONS = Set.of("raum", "ort");
    /** The transcript kept with a ticket is bounded; a long intake keeps its first lines. */
    static final int TRANSCRIPT_LINES = 120;
    private static final int TRANSCRIPT_LINE_LENGTH = 2000;

    private final Messages messages;

    TicketComposer(Messages messages) {
        this.messages = messages;
    }

    String title(CatalogService service, Draft draft) {
        StringBuilder head = new StringBuilder(service.name());
        List<String> choices = new ArrayList<>();
        String location = null;
        for (Question question : service.questionsFor(draft.requestType)) {
            String value = draft.answers.get(question.id());
            if (value == null) {
                continue;
            }
            if (question.type() == QuestionType.CHOICE) {
                choices.add(value);
            } else if (LOCATION_QUESTIONS.contains(question.id()) && location == null) {
                location = value;
            }
        }
        if (!choices.isEmpty()) {
            head.append(" / ").append(String.join(", ", choices));
        }
        if (location != null) {
            head.append(", ").append(location);
        }
        return cut(cut(head.toString(), HEAD_LENGTH) + ": " + firstLine(draft.description), TITLE_LENGTH);
    }

    String description(CatalogService service, Draft draft) {
        StringBuilder text = new StringBuilder(draft.description.strip()).append("\n");
        text.append('\n').append(german("summary.service", service.name()))
                .append(" – ").append(german("type." + draft.requestType.id()));
        for (Question question : service.questionsFor(draft.requestType)) {
            String value = draft.answers.get(question.id());
            if (value != null) {
                text.append('\n').append(german("summary.answer", question.prompt(), value));
            }
        }
        if (draft.impact != null) {
            text.append('\n').append(german("summary.impact", german("impact." + draft.impact.name())));
        }
        if (draft.urgency != null) {
            text.append('\n').append(german("summary.urgency", german("urgency." + draft.urgency.name())));
        }
        return text.toString();
    }

    String transcript(Draft draft) {
        return german("ticket.transcript") + "\n" + String.join("\n", draft.transcript);
    }

    static void record(Draft draft, String line) {
        if (draft.transcript.size() < TRANSCRIPT_LINES) {
            draft.transcript.add(line.length() <= TRANSCRIPT_LINE_LENGTH ? line
                    : line.substring(0, TRANSCRIPT_LINE_LENGTH - 1) + "…");
        }
    }

    /** The text's first line, whitespace folded, cut at a word within the limit. */
    static String cut(String text, int limit) {
        String line = firstLine(text);
        if (line.length() <= limit) {
            return line;
        }
        String cut = line.substring(0, limit - 1);
        int space = cut.lastIndexOf(' ');
        return (space > limit / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    private static String firstLine(String text) {
        return text.strip().split("\\R", 2)[0].replaceAll("\\s+", " ");
    }

    private String german(String key, Object... args) {
        return messages.text(Messages.GERMAN, key, args);
    }
}
