package de.schulit.servicedesk.nlp;

import java.util.Map;

/**
 * A small bilingual glossary: English IT words and German chat abbreviations mapped to the German word the
 * corpus uses most. The mapped word is added as an extra word feature, so English messages share the
 * evidence of the (much larger) German training data and "pw" counts as "passwort".
 */
final class Glossary {

    private static final Map<String, String> WORDS = Map.ofEntries(
            // abbreviations in German chat
            Map.entry("pw", "passwort"), Map.entry("tel", "telefon"), Map.entry("inet", "internet"),
            Map.entry("wifi", "wlan"), Map.entry("wireless", "wlan"), Map.entry("accesspoint", "wlan"),
            // English -> German
            Map.entry("printer", "drucker"), Map.entry("printers", "drucker"), Map.entry("print", "drucken"),
            Map.entry("printing", "drucken"), Map.entry("copier", "kopierer"), Map.entry("copiers", "kopierer"),
            Map.entry("paper", "papier"), Map.entry("scan", "scannen"),
            Map.entry("password", "passwort"), Map.entry("passwords", "passwort"), Map.entry("account", "konto"),
            Map.entry("accounts", "konto"), Map.entry("login", "anmeldung"), Map.entry("locked", "gesperrt"),
            Map.entry("username", "benutzername"), Map.entry("permission", "berechtigung"),
            Map.entry("permissions", "berechtigung"), Map.entry("rights", "rechte"),
            Map.entry("mailbox", "postfach"), Map.entry("inbox", "posteingang"), Map.entry("calendar", "kalender"),
            Map.entry("projector", "beamer"), Map.entry("projectors", "beamer"), Map.entry("screen", "bildschirm"),
            Map.entry("whiteboard", "tafel"), Map.entry("speaker", "lautsprecher"),
            Map.entry("speakers", "lautsprecher"), Map.entry("microphone", "mikrofon"), Map.entry("cable", "kabel"),
            Map.entry("computer", "rechner"), Map.entry("computers", "rechner"), Map.entry("keyboard", "tastatur"),
            Map.entry("mouse", "maus"), Map.entry("monitor", "bildschirm"), Map.entry("monitors", "bildschirm"),
            Map.entry("phone", "telefon"), Map.entry("phones", "telefon"), Map.entry("telephone", "telefon"),
            Map.entry("extension", "durchwahl"), Map.entry("voicemail", "anrufbeantworter"),
            Map.entry("answering", "anrufbeantworter"), Map.entry("call", "anruf"), Map.entry("calls", "anruf"),
            Map.entry("drive", "laufwerk"), Map.entry("drives", "laufwerk"), Map.entry("folder", "ordner"),
            Map.entry("folders", "ordner"), Map.entry("backup", "datensicherung"), Map.entry("files", "dateien"),
            Map.entry("file", "datei"), Map.entry("network", "netzwerk"), Map.entry("socket", "netzwerkdose"),
            Map.entry("wired", "kabel"), Map.entry("ethernet", "netzwerk"), Map.entry("slow", "langsam"),
            Map.entry("website", "webseite"), Map.entry("websites", "webseite"), Map.entry("blocked", "gesperrt"),
            Map.entry("connection", "verbindung"), Map.entry("program", "programm"), Map.entry("install", "installieren"),
            Map.entry("installed", "installieren"), Map.entry("license", "lizenz"), Map.entry("licence", "lizenz"),
            Map.entry("crashes", "absturz"), Map.entry("crashed", "absturz"), Map.entry("cart", "ladewagen"),
            Map.entry("charging", "laden"), Map.entry("pen", "stift"), Map.entry("order", "bestellen"),
            Map.entry("buy", "kaufen"), Map.entry("purchase", "beschaffung"), Map.entry("need", "brauchen"),
            Map.entry("new", "neu"), Map.entry("quote", "angebot"), Map.entry("dispose", "entsorgung"),
            Map.entry("disposal", "entsorgung"), Map.entry("move", "umzug"), Map.entry("moving", "umzug"),
            Map.entry("hacked", "gehackt"), Map.entry("stolen", "gestohlen"), Map.entry("lost", "verloren"),
            Map.entry("suspicious", "verdaechtig"), Map.entry("broken", "kaputt"), Map.entry("error", "fehler"),
            Map.entry("training", "schulung"), Map.entry("heating", "heizung"), Map.entry("toilet", "toilette"),
            Map.entry("lights", "licht"), Map.entry("room", "raum"));

    private Glossary() {
    }

    /** The German word for a normalised token, or null. */
    static String german(String token) {
        return WORDS.get(token);
    }
}
