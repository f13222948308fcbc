package de.schulit.servicedesk.app;

import java.util.List;

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

    /** Answers room, device, optional questions, impact and urgency until the summary asks to confirm. */
    static void answerUntilSummary(Chat chat) {
        for (int i = 0; i < 10 && !chat.optionIds().contains("confirm"); i++) {
            List<String> ids = chat.optionIds();
            if (chat.text().contains("In welchem Raum")) {
                chat.type("Lehrerzimmer");
            } else if (ids.contains("separate")) {
                chat.press("separate"); // an open ticket of another test in the same room: this one is new
            } else if (ids.contains("choice:drucker")) {
                chat.press("choice:drucker");
            } else if (ids.contains("impact:ONE_ROOM")) {
                chat.press("impact:ONE_ROOM");
            } else if (ids.contains("urgency:TODAY_OR_TOMORROW")) {
                chat.press("urgency:TODAY_OR_TOMORROW");
            } else if (ids.contains("skip")) {
                chat.press("skip");
            } else {
                throw new AssertionError("unexpected step: " + chat.text() + " " + ids);
            }
        }
    }
}
