package de.schulit.servicedesk.load;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one simulated requester does, on any channel: enroll once, then report printer problems through complete
 * intake dialogs (choose the service, answer its questions, confirm) and ask for the status of the new ticket.
 * Every call of {@link Chat#send} is one dialog turn.
 */
final class Intake {

    static final Pattern TICKET = Pattern.compile("SD-\\d{4}-\\d{5}");
    static final List<String> PROBLEMS = List.of(
            "Der Drucker im Lehrerzimmer druckt nur noch leere Seiten",
            "Der Kopierer im Sekretariat zieht kein Papier mehr ein",
            "Unser Drucker in Raum 204 zeigt einen Papierstau an, obwohl kein Papier drin ist");

    /** A chat with the bot; after each turn, the text of the replies and the options of the last one. */
    interface Chat {
        void send(String text, String optionId) throws Exception;

        String text();

        List<String> optionIds();
    }

    private Intake() {
    }

    /** Enrolls with a name made of letters only, as the dialog wants it. */
    static void enroll(Chat chat, String code, int user) throws Exception {
        chat.send("/start " + code, null);
        chat.send("Nutzer " + Integer.toString(user, 26).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + c - '0' : c + 10)))
                .collect(java.util.stream.Collectors.joining()), null);
        expect(chat, "Willkommen");
    }

    /**
     * One complete report and a status query; returns the ticket number. Whatever the bot offers on the way (a
     * follow-up of an open ticket, self-help, joining a colleague's ticket of the same problem) is answered the way
     * that files a ticket of one's own, so every round is a complete intake.
     */
    static String report(Chat chat, int round) throws Exception {
        chat.send(PROBLEMS.get(round % PROBLEMS.size()), null);
        for (int i = 0; i < 15 && !chat.optionIds().contains("confirm"); i++) {
            List<String> ids = chat.optionIds();
            if (ids.contains("yes") && chat.text().contains("Drucken & Kopieren")) {
                chat.send(null, "yes");
            } else if (ids.contains("svc:drucken")) {
                chat.send(null, "svc:drucken");
            } else if (ids.contains("other-service") || ids.contains("menu")) {
                chat.send(null, ids.contains("other-service") ? "other-service" : "menu");
            } else if (ids.contains("type:stoerung")) {
                chat.send(null, "type:stoerung");
            } else if (ids.contains("new")) {
                chat.send(null, "new");
            } else if (ids.contains("file")) {
                chat.send(null, "file");
            } else if (ids.contains("separate")) {
                chat.send(null, "separate");
            } else if (chat.text().contains("In welchem Raum")) {
                chat.send("Raum " + (100 + round % 300), null);
            } else if (ids.contains("choice:drucker")) {
                chat.send(null, "choice:drucker");
            } else if (ids.contains("impact:ONE_ROOM")) {
                chat.send(null, "impact:ONE_ROOM");
            } else if (ids.contains("urgency:TODAY_OR_TOMORROW")) {
                chat.send(null, "urgency:TODAY_OR_TOMORROW");
            } else if (ids.contains("skip")) {
                chat.send(null, "skip");
            } else {
                throw new IllegalStateException("unexpected step: " + chat.text() + " " + ids);
            }
        }
        chat.send(null, "confirm");
        if (chat.optionIds().contains("separate")) {
            chat.send(null, "separate"); // a colleague's ticket of the same room, filed meanwhile
        }
        Matcher number = TICKET.matcher(chat.text());
        if (!number.find()) {
            throw new IllegalStateException("no ticket number in: " + chat.text());
        }
        chat.send("Status " + number.group(), null);
        expect(chat, number.group());
        return number.group();
    }

    private static void expect(Chat chat, String part) {
        if (!chat.text().contains(part)) {
            throw new IllegalStateException("expected \"" + part + "\" in: " + chat.text());
        }
    }
}
