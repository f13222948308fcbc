package de.schulit.servicedesk.app;

import java.util.List;

/**
 * Reports the printer problem of the README through any chat channel as a user would: choose "Drucken & Kopieren"
 * whatever the classifier made of the text, then answer the service's questions up to the summary.
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
        for (int i = 0; i < 3 && !chat.optionIds().isEmpty(); i++) {
            if (chat.optionIds().contains("yes") && chat.text().contains("Drucken & Kopieren")) {
                chat.press("yes");
                break;
            }
            if (chat.optionIds().contains("svc:drucken")) {
                chat.press("svc:drucken");
                break;
            }
            chat.press(chat.optionIds().contains("other-service") ? "other-service" : "menu");
        }
        if (chat.optionIds().contains("type:stoerung")) {
            chat.press("type:stoerung");
        }
    }

    /** Answers room, device, optional questions, impact and urgency until the summary asks to confirm. */
    static void answerUntilSummary(Chat chat) {
        for (int i = 0; i < 10 && !chat.optionIds().contains("confirm"); i++) {
            List<String> ids = chat.optionIds();
            if (chat.text().contains("In welchem Raum")) {
                chat.type("Lehrerzimmer");
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
