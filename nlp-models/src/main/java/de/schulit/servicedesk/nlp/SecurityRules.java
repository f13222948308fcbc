package de.schulit.servicedesk.nlp;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keyword rules for IT security incidents, the one service where recall matters more than precision: a
 * missed incident is a P1 left lying. The rules run on the normalised text (lower case, umlauts
 * transliterated, punctuation removed) and describe the incident types of the catalog in general terms:
 * phishing and fraud, malware, misused accounts, exposed data, stolen or lost devices. The statistical
 * model covers the rest.
 */
final class SecurityRules {

    private static final String W = "(?:\\w+ )"; // one word and its space

    /**
     * A rule: its regular expression runs only when the text contains one of its trigger strings, a cheap
     * necessary condition (every match of the expression contains a trigger) that keeps classification fast.
     */
    record Rule(String name, List<String> triggers, Pattern pattern) {

        boolean fires(String normalizedText) {
            for (String trigger : triggers) {
                if (normalizedText.contains(trigger)) {
                    return pattern.matcher(normalizedText).find();
                }
            }
            return false;
        }
    }

    static final List<Rule> RULES = List.of(
            rule("phishing", List.of("phish", "phising", "fishing"),
                    "\\b(phish|phising|fishing ?mail|spear ?phish)\\w*"),
            rule("malware", List.of("virus", "viren", "trojan", "schadprogramm", "keylogger", "infiziert",
                            "infected", "verseucht", "malware", "schadsoftware", "ransomware", "spyware"),
                    "\\b(virus|viren|trojan|schadprogramm|keylogger|infiziert\\w*|infected|verseucht\\w*)\\b"
                    + "|(trojaner|malware|schadsoftware|ransomware|spyware)"
                    + "|\\b(viren|virus)(warnung|alarm|fund|befall|meldung)"),
            rule("ransom", List.of("loesegeld", "erpress", "ransom", "decrypt", "bitcoin"),
                    "\\b(loesegeld\\w*|erpress\\w*|ransom\\w*|decrypt\\w*|bitcoin\\w*)"),
            rule("scanner alert", List.of("virenscanner", "virenschutz", "antivirus", "defender"),
                    "\\b(virenscanner|virenschutz|antivirus|defender)\\w* (meldet|warnt|schlaegt|hat "
                    + W + "{0,3}gefunden)"),
            rule("hacked", List.of("hack", "kompromittiert", "compromised", "geknackt"),
                    "\\b(gehackt|hacker\\w*|hackt|hacked|kompromittiert\\w*|compromised|geknackt)\\b"),
            rule("suspicious", List.of("verdaechtig", "suspicious", "unauthori", "unbefugt"),
                    "\\bverdaechtig\\w*|\\bsuspicious\\b|\\bunauthori[sz]ed\\b|\\bunbefugt\\w*"),
            rule("strange access", List.of("unbekannt", "fremd", "ungewoehnlich", "seltsam", "merkwuerdig",
                            "unberechtigt"),
                    "\\b(unbekannt|fremd|ungewoehnlich|seltsam|merkwuerdig|unberechtigt)\\w* "
                    + W + "{0,2}(anmeld|login|zugriff|zugang|aktivitaet|sitzung|usb|stick|geraet|device)\\w*"
                    + "|\\b(unbekannte|fremde)r? (war|hat|sass|stand) (an|am|in|im|auf)\\b"),
            rule("not me", List.of("nicht", "wasn t", "not by me", "didn t"),
                    "\\b(geaendert|angemeldet|eingeloggt|verschickt|gesendet|versendet|geschrieben)\\w* "
                    + W + "{0,4}nicht (von )?(mir|ich)\\b|\\bdie ich nicht (geschrieben|verschickt|gesendet)"
                    + "|\\bwasn t me\\b|\\bnot by me\\b|\\bi didn t (send|write)"
                    + "|\\bobwohl ich (mich )?(gar )?nicht (angemeldet|anmelde|eingeloggt|einlogge)"),
            rule("someone in my account", List.of("jemand", "someone", "somebody", "in meinem namen", "in my name"),
                    "\\b(jemand|someone|somebody)\\w* " + W + "{0,5}(mit|in|auf|into|to) "
                    + "(meine[mn]?|my) (konto|account|postfach|zugang|mailbox|email)"
                    + "|\\bin meinem namen\\b|\\bin my name\\b"),
            rule("foreign login", List.of("anmeld", "login", "sign"),
                    "\\b(anmeldung|login|anmeldeversuch\\w*|sign ?in) (aus|from) "
                    + "(russland|china|dem ausland|another country|abroad|\\w+land)\\b|\\blogin alert\\b"),
            rule("account spams", List.of("spam"),
                    "\\b(verschickt|versendet|sends?|sending) " + W + "{0,2}spam\\b"
                    + "|\\bspam an (alle )?(meine )?kontakte"),
            rule("credentials given away", List.of("passwort", "kennwort", "zugangsdaten", "anmeldedaten",
                            "password", "credentials"),
                    "\\b(passwort|kennwort|zugangsdaten|anmeldedaten|password|credentials)\\w* "
                    + W + "{0,4}(weitergegeben|verraten|preisgegeben|abgegriffen|geleakt|gestohlen|gesagt|genannt"
                    + "|mitgeteilt|abfotografiert|ausgespaeht|told|gave|given)\\b|\\b(gave|told) " + W + "{0,3}(my )?password"
                    + "|\\b(passwort|kennwort|zugangsdaten|password)\\w* " + W + "{0,6}(fremde[nm]?|unbekannte[nm]?"
                    + "|stranger)\\b"),
            rule("clicked and entered", List.of("geklickt", "gescannt", "clicked", "scanned"),
                    "\\b(geklickt|angeklickt|gescannt|clicked|scanned) " + W + "{0,8}"
                    + "(angemeldet|eingeloggt|eingegeben|logged in|entered)"),
            rule("fake page", List.of("zugangsdaten", "passwort", "kennwort", "password", "credentials",
                            "gefaelscht", "fake"),
                    "\\b(zugangsdaten|passwort|kennwort|password|credentials) " + W + "{0,3}(auf|on) "
                    + W + "{0,2}(seite|page|site)\\w* " + W + "{0,5}(eingegeben|entered|aussah|looked)"
                    + "|\\b(gefaelscht|fake)\\w* (seite|page|site|mail|email|nachricht)"),
            rule("link or attachment opened", List.of("link", "anhang", "anhaengen", "datei", "attachment", "mail",
                            "nachricht", "sms"),
                    "\\b(link|anhang|anhaengen|datei|attachment)\\w* " + W + "{0,5}"
                    + "(geklickt|angeklickt|geoeffnet|clicked|opened)|\\b(geklickt|angeklickt|clicked|opened) "
                    + W + "{0,4}(link|anhang|attachment)"
                    + "|\\b(mail|nachricht|sms)\\w* " + W + "{0,5}(geklickt|gedrueckt|angeklickt)"),
            rule("impostor", List.of("ausgegeben", "posing", "angeblich", "gutschein", "gift"),
                    "\\b(als|as) " + W + "{0,2}(it|support|techniker|administrator|admin|microsoft)\\w* "
                    + "(ausgegeben|posing)|\\bangeblich\\w* " + W + "{0,3}(vom|von|der|die|ein|einem|einer) " + W
                    + "{0,2}(schulleit|it|support|techniker|microsoft|chef|rektor|bank|admin)\\w*"
                    + "|\\b(gutscheine?|gift ?cards?)\\b"),
            rule("remote control", List.of("fernwartung", "fernzugriff", "teamviewer", "anydesk", "remote", "maus",
                            "cursor", "mouse"),
                    "\\b(fernwartung|fernzugriff|teamviewer|anydesk|remote access)\\w* " + W
                    + "{0,6}(angeblich|fremd|unbekannt|nicht von ihnen|gegeben|zugelassen|erlaubt|granted)"
                    + "|\\b(maus|mauszeiger|cursor|mouse)\\w* " + W + "{0,3}(von selbst|von alleine|alleine|allein"
                    + "|by itself|on its own)"),
            rule("exposed data", List.of("noten", "zeugnis", "schuelerdaten", "gesundheitsdaten", "klausur",
                            "personaldaten", "personenbezogen", "grades", "student data", "aufgetaucht",
                            "versehentlich", "schueler"),
                    "\\b(noten|zeugnis|schuelerdaten|gesundheitsdaten|klausur|personaldaten|personenbezogen"
                    + "|grades|student data)\\w* " + W + "{0,6}(fuer alle|oeffentlich|im internet|aufgetaucht"
                    + "|einsehbar|zugaenglich|public|leaked|alle koennen|jeder kann|falsche[nm]?|fremde[nm]?|elternverteiler)"
                    + "|\\b(im internet|online) aufgetaucht|\\bversehentlich " + W + "{0,3}(noten|zeugnis|schuelerakte"
                    + "|schuelerdaten|gesundheitsdaten|personaldaten|klausur)\\w*"
                    + "|\\bschueler\\w* " + W + "{0,3}(zugriff|zugang) " + W + "{0,3}(lehrer|verwaltung|noten|klausur)\\w*"),
            rule("privilege grab", List.of("verschafft", "erschlichen", "erlangt"),
                    "\\b(rechte|zugriff|zugang|access)\\w* " + W + "{0,3}(verschafft|erschlichen|erlangt)"
                    + "|\\bverschafft " + W + "{0,2}(admin|zugriff|zugang|rechte)"),
            rule("encrypted files", List.of("verschluesselt", "encrypted", "umbenannt", "unlesbar", "renamed",
                            "extension", "endung"),
                    "\\b(dateien|daten|files)\\w* " + W + "{0,5}(verschluesselt|encrypted|umbenannt"
                    + "|unlesbar|renamed)\\b|\\b(verschluesselt|encrypted) " + W + "{0,3}(dateien|files)\\b"
                    + "|\\b(strange|seltsame|komische|fremde) (extension|endung|dateiendung)"),
            rule("hijacked browser", List.of("casino", "porno", "werbe", "dubios", "fremd", "startseite"),
                    "\\b(casino|porno|werbe|dubios|fremd)\\w* ?(seite|site|page)"
                    + "|\\bstartseite " + W + "{0,3}geaendert"),
            rule("stolen", List.of("gestohlen", "geklaut", "entwendet", "diebstahl", "einbruch", "eingebrochen",
                            "stolen", "theft"),
                    "\\b(gestohlen|geklaut|entwendet|diebstahl|einbruch|eingebrochen|stolen|theft)\\b"),
            rule("lost device", List.of("verloren", "liegen", "lost", "misplaced", "left", "forgot"),
                    "\\b(laptop|notebook|dienstnotebook|dienstlaptop|tablet|ipad|diensthandy"
                    + "|usb ?stick|stick|festplatte|dienstgeraet)\\w* " + W + "{0,6}(verloren|liegen ?gelassen"
                    + "|liegen ?lassen)\\b|\\b(lost|misplaced) " + W + "{0,3}(laptop|usb|stick|tablet|ipad|notebook"
                    + "|phone|hard drive)|\\b(left|forgot) " + W + "{0,3}(laptop|ipad|tablet|notebook|phone) "
                    + W + "{0,3}(on|in) the (bus|train|taxi|tram|car)"),
            rule("data incident", List.of("datenleck", "datenpanne", "datenschutz", "datenabfluss", "datenverlust",
                            "data breach", "data leak", "sicherheitsvorfall", "security incident"),
                    "\\b(datenleck|datenpanne|datenschutzvorfall|datenschutzverletzung|datenabfluss"
                    + "|datenverlust|data breach|data leak|sicherheitsvorfall|security incident)\\b"));

    private SecurityRules() {
    }

    private static Rule rule(String name, List<String> triggers, String regex) {
        return new Rule(name, triggers, Pattern.compile(regex));
    }

    /** True when the normalised text describes a security incident in words that leave little doubt. */
    static boolean fires(String normalizedText) {
        for (Rule rule : RULES) {
            if (rule.fires(normalizedText)) {
                return true;
            }
        }
        return false;
    }
}
