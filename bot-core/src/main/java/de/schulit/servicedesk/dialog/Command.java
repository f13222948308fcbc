package de.schulit.servicedesk.dialog;

import java.util.Locale;
import java.util.Optional;

/** A slash command such as {@code /start ABCDE-FGHJK}; German and English names map to the same command. */
record Command(Name name, String argument, String typed) {

    enum Name { START, NEW, STATUS, TICKETS, HELP, CANCEL, PRIVACY, LANGUAGE, UNKNOWN }

    static Optional<Command> parse(String text) {
        if (!text.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = text.substring(1).split("\\s+", 2);
        // Telegram appends the bot's name in groups: /status@SchulITBot
        String word = parts[0].replaceFirst("@.*$", "").toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        Name name = switch (word) {
            case "start" -> Name.START;
            case "neu", "new" -> Name.NEW;
            case "status" -> Name.STATUS;
            case "tickets", "meine-tickets" -> Name.TICKETS;
            case "hilfe", "help" -> Name.HELP;
            case "abbrechen", "cancel" -> Name.CANCEL;
            case "datenschutz", "privacy" -> Name.PRIVACY;
            case "sprache", "language" -> Name.LANGUAGE;
            default -> Name.UNKNOWN;
        };
        return Optional.of(new Command(name, argument, "/" + word));
    }
}
