package de.schulit.servicedesk.dialog;

import java.util.Locale;
import java.util.Optional;

/** A slash command such as {@code /start ABCDE-FGHJK}; German and English names map to the same command. */
record Command(Name name, String argument, String typed) {

    enum Name { START, NEW, STATUS, TICKETS, HELP, CANCEL, PRIVACY, MY_DATA, DELETE_DATA, LANGUAGE, UNKNOWN }

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
            // Telegram commands allow only letters, digits and "_": /meine_daten is what its menu sends.
            case "meine-daten", "meine_daten", "meinedaten", "my-data", "my_data", "mydata" -> Name.MY_DATA;
            case "daten-loeschen", "daten_loeschen", "daten-löschen", "datenloeschen", "delete-data", "delete_data",
                 "deletedata" -> Name.DELETE_DATA;
            case "sprache", "language" -> Name.LANGUAGE;
            default -> Name.UNKNOWN;
        };
        return Optional.of(new Command(name, argument, "/" + word));
    }
}
