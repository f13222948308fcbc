package de.schulit.servicedesk.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports the printer problem of the README through any chat channel as a user would: choose "Drucken & Kopieren"
 * whatever the classifier made of the text, pass the self-help hints, then answer the service's questions up to
 * the summary, filing a ticket of its own even if another one of the room is open.
 */
final class PrintingIntake {

    /** What the script needs of a chat: the last replies and the buttons offered with them. */
    interface Chat {
        void type(String text);

        void press(String optionId);

        String text();

        List<String> optionIds();
    }

    private PrintingIntake() {
    }

    static void choosePrinting(Chat chat) {
        chooseStoerung(chat, "drucken", "Drucken & Kopieren");
    }

    /**
     * Chooses the service as a Störung whatever the classifier made of the text, and passes the self-help hints
     * with "Trotzdem Ticket anlegen".
     */
    static void chooseStoerung(Chat chat, String serviceId, String serviceName) {
        for (int i = 0; i < 3 && !chat.optionIds().isEmpty(); i++) {
            if (chat.optionIds().contains("yes") && chat.text().contains(serviceName + " – Störung")) {
                chat.press("yes");
                break;
            }
            if (chat.optionIds().contains("yes") && chat.text().contains(serviceName)) {
                chat.press(chat.optionIds().contains("other-type") ? "other-type" : "yes");
                break;
            }
            if (chat.optionIds().contains("svc:" + serviceId)) {
                chat.press("svc:" + serviceId);
                break;
            }
            chat.press(chat.optionIds().contains("other-service") ? "other-service" : "menu");
        }
        if (chat.optionIds().contains("type:stoerung")) {
            chat.press("type:stoerung");
        }
        if (chat.optionIds().contains("file")) {
            chat.press("file");
        }
    }

    /**
     * After the confirmation: a colleague's ticket of the same room, filed while this report was written, is offered
     * to join; "separate" files a ticket of one's own.
     */
    static void fileOwnTicket(Chat chat) {
        if (chat.optionIds().contains("separate")) {
            chat.press("separate");
        }
    }

    /** Answers room, device, optional questions, impact and urgency until the summary asks to confirm. */
    static void answerUntilSummary(Chat chat) {
        // "separate": an open ticket of another test in the same room is offered; this report is a new one
        answerUntilSummary(chat, Map.of("In welchem Raum", "Lehrerzimmer"),
                List.of("separate", "choice:drucker", "impact:ONE_ROOM", "urgency:TODAY_OR_TOMORROW"));
    }

    /**
     * Answers until the summary asks to confirm: a text question recognised by its words gets its typed answer,
     * otherwise the first of the preferred options that is offered is pressed, otherwise an optional question skipped.
     */
    static void answerUntilSummary(Chat chat, Map<String, String> typedAnswers, List<String> preferredOptions) {
        for (int i = 0; i < 10 && !chat.optionIds().contains("confirm"); i++) {
            List<String> ids = chat.optionIds();
            Optional<String> typed = typedAnswers.entrySet().stream().filter(e -> chat.text().contains(e.getKey()))
                    .map(Map.Entry::getValue).findFirst();
            Optional<String> preferred = preferredOptions.stream().filter(ids::contains).findFirst();
            if (typed.isPresent()) {
                chat.type(typed.get());
            } else if (preferred.isPresent()) {
                chat.press(preferred.get());
            } else if (ids.contains("skip")) {
                chat.press("skip");
            } else {
                throw new AssertionError("unexpected step: " + chat.text() + " " + ids);
            }
        }
    }
}
