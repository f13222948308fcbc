package de.schulit.servicedesk.nlp;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keyword rules for IT security incidents, the one service where recall matters more than precision: a
 * missed incident is a P1 left lying. The rules run on the normalised text (lower case, umlauts
 * transliterated, punctuation removed) and describe the incident types of the catalog in general terms:
 * phishing and fraud, malware, misused accounts, exposed data, stolen or lost devices. The statistical
 * model covers the rest.
 *
 * <p>Rules decide; cues only suspect. A cue is a set of word groups that rarely meet outside an incident
 * (a password and a pupil, a device and "weg", something unknown and an account), or a single telling phrase
 * ("ich war das nicht", "Inhalt aktivieren"). It keeps "sicherheit"
 * among the offered candidates and vetoes "no IT matter", but leaves the decision to the model, so a
 * false alarm costs one menu entry instead of a misrouted ticket.
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

    /** What the rules and cues say about one message. */
    enum Verdict { NONE, SUSPECTED, CERTAIN }

    /**
     * A cue: each of its word groups has a member in the message. Members are substrings of the message with a
     * space added at both ends, so a leading or trailing space anchors a member at a word boundary (" weg "
     * is the word, "stick " also the end of "USB-Stick", "passwort" also inside "Schulpasswort").
     */
    record Cue(String name, List<String[]> groups) {

        boolean fires(String paddedText) {
            for (String[] group : groups) {
                if (!containsAny(paddedText, group)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean containsAny(String text, String[] members) {
            for (String member : members) {
                if (text.contains(member)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final List<Rule> RULES = List.of(
            rule("phishing", List.of("phish", "phising", "fishing"),
                    // not a training or talk about it ("Fortbildung zu Phishing")
                    "(?<!(fortbildung|schulung|training|workshop|vortrag) (zu|zum|ueber|on|about) )"
                    + "\\b(phish|phising|fishing ?mail|spear ?phish)\\w*"),
            rule("malware", List.of("virus", "viren", "trojan", "schadprogramm", "keylogger", "infiziert",
                            "infected", "verseucht", "malware", "schadsoftware", "ransomware", "spyware"),
                    "\\b(virus|viren|trojan|schadprogramm|keylogger|infiziert\\w*|infected|verseucht\\w*)\\b"
                    + "|(trojaner|malware|schadsoftware|ransomware|spyware)"
                    + "|\\b(viren|virus)(warnung|alarm|fund|befall|meldung)"),
            rule("ransom", List.of("loesegeld", "erpress", "ransom", "decrypt", "bitcoin", "zahlungsan",
                            "zahlungsauf", "zahlen sie", "ueberweisen sie"),
                    "\\b(loesegeld\\w*|erpress\\w*|ransom\\w*|decrypt\\w*)"
                    // a payment demand, not an advert for buying them
                    + "|\\b(zahl\\w*|ueberweis\\w*|pay\\w*|send\\w*|schick\\w*|fordert?\\w*|verlang\\w*|demand\\w*) "
                    + W + "{0,5}bitcoin|\\bbitcoin\\w* " + W + "{0,5}(zahl|ueberweis|pay|send|schick|wallet|adresse"
                    + "|address|fordern|gefordert|verlangt|demand)\\w*"
                    + "|\\b(zahlungsanweisung|zahlungsaufforderung)\\w*"
                    + "|\\b(zahlen|ueberweisen) sie " + W + "{0,2}(euro|eur|dollar|zznum)\\b"),
            rule("scanner alert", List.of("virenscanner", "virenschutz", "antivir", "defender"),
                    "\\b(virenscanner|virenschutz|antivir\\w*|defender)\\w* (meldet|warnt|schlaegt|hat "
                    + W + "{0,3}gefunden|reports|reported|detected|found|flags|flagged|warns)"
                    + "|\\b(meldet|warnt|schlaegt) (der |das |die )?(virenscanner|virenschutz|antivir\\w*|defender)"
                    + "|\\b(virenscanner|virenschutz|antivir\\w*|defender)\\w* " + W + "{0,6}(deaktiviert worden"
                    + "|wurde deaktiviert|ploetzlich aus|ploetzlich deaktiviert|was disabled|has been disabled"
                    + "|got disabled)"),
            rule("hacked", List.of("hack", "kompromittiert", "compromised", "geknackt"),
                    "\\b(gehackt|hacker\\w*|hackt|hacked|kompromittiert\\w*|compromised|geknackt)\\b"),
            rule("suspicious", List.of("verdaechtig", "suspicious", "unauthori", "unbefugt"),
                    "\\bverdaechtig\\w*+(?! (\\w+ )?(brummen|geraeusch\\w*|klacker\\w*|piepen|geruch|riecht|rauch))"
                    + "|\\bsuspicious\\b(?! (\\w+ )?(noise|sound|smell|smoke|humming))|\\bunauthori[sz]ed\\b|\\bunbefugt\\w*"),
            rule("strange access", List.of("unbekannt", "fremd", "ungewoehnlich", "seltsam", "merkwuerdig",
                            "unberechtigt", "komisch", "strange", "weird", "odd"),
                    "\\b(unbekannt|fremd|ungewoehnlich|seltsam|merkwuerdig|unberechtigt)\\w* "
                    + W + "{0,2}(anmeld|login|zugriff|zugang|aktivitaet|sitzung|usb|stick|geraet|device)\\w*"
                    + "|\\b(unbekannte|fremde)r? (mensch |mann |frau |person )?(war|hat|sass|stand) (an|am|in|im|auf)\\b"
                    + "|\\b(unbekannte|fremde)[rs]? (laptop|rechner|stick|geraet|usb stick) " + W
                    + "{0,2}(angesteckt|eingesteckt|angeschlossen)"
                    + "|\\b(absender\\w*|url|adresse|address) (sah |sieht |looked |looks )?(seltsam|komisch|merkwuerdig"
                    + "|strange|weird|odd)"),
            rule("not me", List.of("nicht", "nie ", "wasn t", "not by me", "didn t"),
                    "\\b(geaendert|angemeldet|eingeloggt|verschickt|gesendet|versendet|geschrieben)\\w* "
                    + W + "{0,4}nicht (von )?(mir|ich)\\b|\\bdie ich (nicht|nie) (geschrieben|verschickt|gesendet)"
                    + "|\\bdie habe ich (nicht|nie) (geschrieben|verschickt|gesendet|angelegt|eingerichtet)"
                    + "|\\bwasn t me\\b|\\bnot by me\\b|\\bi didn t (send|write)"
                    + "|\\bobwohl ich (mich )?(gar )?nicht (angemeldet|anmelde|eingeloggt|einlogge)"),
            rule("someone in my account", List.of("jemand", "jmd", "someone", "somebody", "in meinem namen",
                            "in my name", "im namen"),
                    "\\b(jemand|someone|somebody)\\w* " + W + "{0,5}(mit|in|auf|into|to) "
                    + "(meine[mn]?|my) (konto|account|postfach|zugang|mailbox|email)"
                    + "|\\b(jemand|jmd|someone|somebody) " + W + "{0,2}(hat|kennt|liest|benutzt|nutzt|has|knows|reads"
                    + "|uses) (mein(e[mn]?)?|my) (passwort|pw|kennwort|zugangsdaten|password|mails|emails|konto|account"
                    + "|postfach|mailbox|login)\\b"
                    + "|\\bin meinem namen\\b|\\bin my name\\b"
                    + "|\\bim namen (der|des|von) " + W + "{0,9}(geld|ueberweis|gutschein|zahlung)\\w*"),
            rule("foreign login", List.of("anmeld", "login", "sign"),
                    "\\b(anmeldung(en)?|logins?|anmeldeversuch\\w*|sign ?ins?) (aus|from) "
                    + "(russland|china|usa|nigeria|dem ausland|another country|abroad|\\w+land|\\w+ien)\\b"
                    + "|\\blogin alert\\b"),
            rule("account spams", List.of("spam", "konto", "account"),
                    "\\b(verschickt|versendet|sends?|sending) " + W + "{0,2}spam\\b"
                    + "|\\bspam an (alle )?(meine )?kontakte"
                    + "|\\b\\w*(konto|account) (hat|has) " + W + "{0,5}(mails|nachrichten|emails) " + W
                    + "{0,3}(verschickt|versendet|sent)\\b"),
            rule("credentials given away", List.of("passwort", "passwoert", "kennwort", "zugangsdaten", "anmeldedaten",
                            "password", "credentials", "posted", "shared", "leaked"),
                    "\\b(passwort|kennwort|zugangsdaten|anmeldedaten|password|credentials)\\w* "
                    + W + "{0,4}(weitergegeben|verraten|preisgegeben|abgegriffen|geleakt|gestohlen|(?<!mir wurde |wurde mir )gesagt|genannt"
                    + "|mitgeteilt|abfotografiert|ausgespaeht|told|gave|given)\\b|\\b(gave|told) " + W + "{0,3}(my )?password"
                    + "|\\b(passwort|kennwort|zugangsdaten|password)\\w* " + W + "{0,6}(fremde[nm]?|unbekannte[nm]?"
                    + "|stranger)\\b"
                    + "|\\b\\w*(passwort|passwoert|kennwort|zugangsdaten|anmeldedaten)\\w* " + W
                    + "{0,7}(gepostet|veroeffentlicht|abfotografiert|herumgeschickt|geteilt)\\b"
                    + "|\\b(posted|shared|leaked) " + W + "{0,1}(login|password|credentials)"),
            rule("clicked and entered", List.of("geklickt", "gescannt", "clicked", "scanned"),
                    "\\b\\w*(geklickt|gescannt|clicked|scanned) " + W + "{0,8}"
                    + "(angemeldet|eingeloggt|eingegeben|logged in|entered)"),
            rule("fake page", List.of("zugangsdaten", "passwort", "kennwort", "password", "credentials",
                            "gefaelscht", "fake"),
                    "\\b(zugangsdaten|passwort|kennwort|password|credentials) " + W + "{0,3}(auf|on) "
                    + W + "{0,2}(seite|page|site)\\w* " + W + "{0,5}(eingegeben|entered|aussah|looked)"
                    + "|\\b(gefaelscht|fake)\\w* (\\w+ )?(seite|page|site|mail|email|nachricht|login|anmeldung|formular"
                    + "|form)|\\b(war|ist|sind|waren|was|is|were) (gefaelscht|fake)\\b"
                    + "|\\b(seite|page|site)\\w* " + W + "{0,2}(aussah|aussieht|looked like|looks like) " + W
                    + "{0,6}(passwort|kennwort|zugangsdaten|password|credentials)"),
            rule("link or attachment opened", List.of("link", "anhang", "anhaengen", "datei", "attachment", "mail",
                            "nachricht", "sms", "zugangsdaten", "passwort", "kennwort", "password", "credentials"),
                    "\\b(link|anhang|anhaengen|datei|attachment)\\w* " + W + "{0,5}"
                    + "(geklickt|angeklickt|geoeffnet|clicked|opened)|\\b(geklickt|angeklickt|clicked|opened) "
                    + W + "{0,4}(link|anhang|attachment)"
                    + "|\\b(mail|nachricht|sms)\\w* " + W + "{0,5}(geklickt|gedrueckt|angeklickt)"
                    + "|\\blink\\w* " + W + "{0,4}(gefolgt|followed) " + W + "{0,8}(eingegeben|entered|angemeldet|eingeloggt|logged in)"
                    + "|\\b(zugangsdaten|passwort|kennwort|password|credentials)\\w* " + W + "{0,3}(formular|form) "
                    + W + "{0,3}(eingegeben|entered)|\\b(mail|sms|nachricht)\\w* " + W + "{0,8}formular "
                    + W + "{0,2}ausgefuellt"),
            rule("impostor", List.of("ausgegeben", "posing", "angeblich", "gutschein", "gift", "anruf", "call"),
                    "\\b(als|as) " + W + "{0,2}(it|support|techniker|administrator|admin|microsoft)\\w* "
                    + "(ausgegeben|posing)|\\bangeblich\\w* " + W + "{0,3}(vom|von|der|die|ein|einem|einer) " + W
                    + "{0,2}(schulleit|it|support|techniker|microsoft|chef|rektor|bank|admin)\\w*"
                    + "|\\b(gutschein\\w*+|gift ?cards?)\\b(?! " + W + "{0,2}(gewonnen|won)\\b)"
                    + "|\\b(anruf|anrufer|call|caller)\\w* (von|vom|from) (microsoft|windows|apple|google)\\b"),
            rule("remote control", List.of("fernwartung", "fernzugriff", "teamviewer", "anydesk", "remote", "maus",
                            "cursor", "mouse", "selbst", "allein", "by itself", "on its own", "by themselves",
                            "on their own"),
                    "\\b(fernwartung|fernzugriff|teamviewer|anydesk|remote access)\\w* " + W
                    + "{0,6}(angeblich|fremd|unbekannt|nicht von ihnen|gegeben|zugelassen|erlaubt|granted)"
                    + "|\\b(maus|mauszeiger|cursor|mouse)\\w* " + W + "{0,3}(von selbst|von alleine|alleine|allein"
                    + "|by itself|on its own)"
                    + "|\\b(oeffnen|oeffnet|starten|startet) sich " + W + "{0,2}(fenster|programm\\w*|apps?) "
                    + "(von selbst|von alleine|alleine|allein)"
                    + "|\\b(fenster|programme?|windows|apps|programs) (oeffnen|starten|open|start) (sich )?"
                    + "(von selbst|von alleine|alleine|allein|by themselves|on their own)"
                    + "|\\b(webcam|kamera|camera)\\w* " + W + "{0,3}(von selbst|von alleine|von allein|by itself"
                    + "|on its own) (an|ein|on)\\b"),
            rule("exposed data", List.of("noten", "zeugnis", "schuelerdaten", "gesundheitsdaten", "klausur",
                            "personaldaten", "personenbezogen", "grades", "student data", "aufgetaucht",
                            "versehen", "schueler", "foto", "klassenliste", "falsch", "wrong"),
                    "\\b(noten|zeugnis|schuelerdaten|gesundheitsdaten|klausur|personaldaten|personenbezogen"
                    + "|grades|student data|\\w*fotos?|klassenliste|daten von schuelern)\\w* " + W
                    + "{0,6}(fuer alle|oeffentlich|im internet|aufgetaucht"
                    + "|einsehbar|zugaenglich|public|leaked|alle koennen|jeder kann|falsche[nm]?|fremde[nm]?|elternverteiler"
                    + "|eltern ?gruppe|klassen ?gruppe)"
                    + "|\\b(im internet|online) aufgetaucht|\\b(versehentlich|aus versehen) " + W
                    + "{0,3}(noten|zeugnis|schuelerakte|schuelerdaten|gesundheitsdaten|personaldaten|klausur)\\w* " + W
                    // sent or shared, not overwritten or deleted (that is a restore from the backup)
                    + "{0,6}(geschickt|gesendet|verschickt|versendet|geteilt|weitergeleitet|hochgeladen|gepostet"
                    + "|veroeffentlicht|an alle|oeffentlich|sent|shared|posted|uploaded)"
                    + "|\\b(versehentlich|aus versehen) " + W + "{0,3}oeffentlich\\w*"
                    + "|\\b(an|to) (die |den |das |the )?(falschen?|wrong) (eltern|empfaenger\\w*|person|adresse"
                    + "|recipients?|parents|klasse|class)\\b"
                    + "|\\bschueler\\w* " + W + "{0,3}(zugriff|zugang) " + W + "{0,3}(lehrer|verwaltung|noten|klausur)\\w*"),
            rule("privilege grab", List.of("verschafft", "erschlichen", "erlangt", "kolleg", "former", "mit meine",
                            "mit dem lehrer", "with my", "stranger"),
                    "\\b(rechte|zugriff|zugang|access)\\w* " + W + "{0,3}(verschafft|erschlichen|erlangt)"
                    + "|\\bverschafft " + W + "{0,2}(admin|zugriff|zugang|rechte)"
                    + "|\\b(ex ?kolleg\\w*|ehemalige[rn]? (kolleg|lehr|mitarbeit)\\w*|former (colleague|teacher"
                    + "|employee)s?) (hat|haben|has|have) " + W + "{0,3}(noch|still) " + W + "{0,2}(zugriff|zugang|access)"
                    + "|\\b(schueler\\w*|jemand|someone|student) " + W + "{0,6}(mit meine[mnr]?|mit dem lehrer|with my) "
                    + "?(\\w+ )?(zugang|zugangsdaten|passwort|kennwort|konto|account|login|password)\\w* " + W
                    + "{0,4}(geaendert|eingeloggt|angemeldet|changed|logged)\\b"
                    + "|\\bstranger (was |is )?(using|sitting at|logged)"),
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
                    "^(?!.*\\b(fahrrad\\w*|raeder|rad|jacke\\w*|geldbeutel|portemonnaie|brieftasche|wallet|bikes?|bicycles?)\\b)"
                    + ".*\\b(gestohlen|geklaut|entwendet|diebstahl|einbruch|eingebrochen|stolen|theft)\\b"),
            rule("lost device", List.of("verloren", "liegen", "lost", "misplaced", "left", "forgot", "verschwunden",
                            "weggekommen", "abhanden", "disappeared", "vanished", "missing", "took", "taken",
                            "grabbed", "stolen", "vergessen", "fehl"),
                    "\\b(laptop|notebook|dienstnotebook|dienstlaptop|tablet|ipad|diensthandy"
                    + "|usb ?stick|stick|festplatte|dienstgeraet)\\w* (?!(hat|haben) )" + W + "{0,6}(verloren|liegen ?gelassen"
                    + "|liegen ?lassen)\\b|\\b(lost|misplaced) " + W + "{0,3}(laptop|usb|stick|tablet|ipad|notebook"
                    + "|phone|hard drive)|\\b(left|forgot) " + W + "{0,3}(laptop|ipad|tablet|notebook|phone) "
                    + W + "{0,3}(on|in) the (bus|train|taxi|tram|car)"
                    + "|(?:^|\\b(?:der|das|die|ein|eine|mein|meine|unser|unsere|zwei|drei|zznum) )(\\w+ )?"
                    + "(laptop|notebook|dienstnotebook|dienstlaptop|tablet|ipad|diensthandy|handy|festplatte"
                    + "|datentraeger|usb ?stick)s? " + W + "{0,3}(ist|sind|war|waren|wurde|wurden) " + W
                    + "{0,4}(verschwunden|weggekommen|abhanden gekommen)\\b"
                    + "|\\b(ist|sind|war|waren) (das|der|die|ein|eine|mein|meine|unser|zwei|drei|zznum) (\\w+ )?"
                    + "(laptop|notebook|dienstnotebook|dienstlaptop|tablet|ipad|diensthandy|handy|festplatte"
                    + "|datentraeger)s? " + W + "{0,4}(verschwunden|weggekommen|abhanden gekommen)\\b"
                    + "|\\b(laptop|notebook|ipad|tablet|phone|mobile|usb stick|hard drive)s? " + W
                    + "{0,3}(disappeared|vanished|went missing|has gone missing)"
                    + "|\\b(someone|somebody) (took|has taken|grabbed) (my|the) " + W
                    + "{0,2}(laptop|phone|mobile|ipad|tablet|notebook)"
                    + "|\\b(usb ?stick|stick|laptop|ipad|tablet|notebook|phone|hard drive)s? " + W
                    + "{0,5}(was|were|got|has been|have been) (lost|stolen|left behind)"
                    + "|\\b(laptop|notebook|dienstnotebook|dienstlaptop|tablet|ipad|diensthandy|festplatte|usb ?stick)\\w* "
                    + W + "{0,2}(im|in der|in einem|in einer) (zug|bus|bahn|taxi|tram|strassenbahn) " + W
                    + "{0,2}(vergessen|liegen ?gelassen)"
                    + "|\\baus dem " + W + "{0,5}(fehlen|fehlt) " + W + "{0,4}(ipads?|tablets?|laptops?|notebooks?|geraete)\\b"),
            rule("mfa approved by mistake", List.of("versehen", "mistake", "accidental"),
                    "\\b(zwei ?faktor|two ?factor|2fa|mfa|authenticator|anmeldeanfrage|push)\\w* " + W
                    + "{0,10}(versehentlich|aus versehen) " + W + "{0,2}(bestaetigt|genehmigt|zugelassen)"
                    + "|\\b(approved|confirmed|accepted) " + W + "{0,3}(two ?factor|2fa|mfa|push|login|sign in)\\w* "
                    + W + "{0,3}(by mistake|accidentally)|\\b(accidentally|by mistake) (approved|confirmed|accepted)"),
            rule("rogue extension", List.of("erweiterung", "extension", "add on", "toolbar"),
                    "\\b(browser ?erweiterung|erweiterung|extension|add on|toolbar)\\w* " + W
                    + "{0,4}(von selbst|selbst installiert|alleine|allein|by itself|on its own|ungefragt)"),
            rule("eavesdropping", List.of("mitschneid", "mitgeschnitten", "abgegriffen", "ausgespaeht", "ausspion",
                            "spioniert", "keylog", "sniff"),
                    "\\b(mitschneid\\w*|mitgeschnitten|abgegriffen|ausgespaeht|ausspioniert|spioniert\\w*"
                    + "|keylog\\w*|sniff\\w*)"),
            rule("data incident", List.of("datenleck", "datenpanne", "datenschutz", "datenabfluss", "datenverlust",
                            "data breach", "data leak", "sicherheitsvorfall", "security incident"),
                    "\\b(datenleck|datenpanne|datenschutzvorfall|datenschutzverletzung|datenabfluss"
                    + "|datenverlust|data breach|data leak|sicherheitsvorfall|security incident)\\b"));

    private static final String CREDENTIALS = "passwort|passwoert|kennwort|zugangsdaten|anmeldedaten|password"
            + "|credentials|login|zugang|konto|account| apple id | pin | tan ";

    static final List<Cue> CUES = List.of(
            cue("someone else and credentials", CREDENTIALS,
                    " schueler| sus | jemand | jmd | fremd| unbekannt| niemand | keiner | elternteil| vater | mutter "
                    + "| someone | somebody | stranger| pupil| student| unknown | nobody | no one | angeblich| supposedly "
                    + "| nicht von mir | war ich nicht | war ich nich | war ich das nicht| wasn t me | not me "
                    + "| nie angefordert| never requested"),
            cue("credentials sent or typed", "mail|nachricht| sms|link|klick|click|seite|page|message", CREDENTIALS,
                    " zurueckgeschickt | zurueckschicken | geantwortet | reagiert | eingegeben | eingeben | entered "
                    + "| typed | replied | sent back "),
            cue("device gone", "laptop|notebook|tablet|ipad|handy|smartphone|phone|stick|festplatte|datentraeger"
                    + "|geraet|device|hard drive",
                    " weg | verloren | verschwunden | vergessen | liegen gelassen | liegengelassen | liegen lassen"
                    + "| abhanden | auffindbar | fehlt | fehlen | missing | lost | gone | left behind | taken "),
            cue("something unknown", " fremd| unbekannt| seltsam| komisch| merkwuerdig| verdaechtig| dubios| strange"
                    + "| weird| unknown| suspicious| odd",
                    "mail|link|programm|admin|benutzer|nutzer|konto|account|profil|startseite|suchseite|werbung|stick"
                    + "|anmeld|login|software|erweiterung|absender|anhang|datei|beitraeg|program|file|sender|attachment"
                    + "|website|homepage| app | apps | seite | seiten | site | sites | page | pages "),
            cue("exposed data", "zeugnis|diagnose|schuelerdaten|klassenliste|schuelerliste|personalakte|gehaelter"
                    + "|gesundheit|foerder|notfallkontakt|stammblatt|klausur|notenliste|notentabelle| noten | adressen "
                    + "| grades | addresses "
                    + "| student data | reports ",
                    " alle eltern | an alle | jeder kann | jeder sieht | oeffentlich| versehentlich | versehen | falsche "
                    + "| falschen | falschem | falscher | extern| sichtbar | einsehbar | everyone can | anyone can "
                    + "| public | wrong | by mistake | accidentally | ganzen klasse | aller kinder | aller schueler"
                    + "| sehen kann | oeffnen kann | lesen kann | sehen koennen | oeffnen koennen | lesen koennen "
                    + "| can see | can open | can read | abrufbar | fuer alle | for everyone "),
            cue("malware signs", " werbung | werbefenster| pop up| popup| adware | startseite | suchseite "
                    + "| dateiendung | endung | verschluesselt | encrypted | virenschutz | antivirus | antivir| defender "
                    + "| schwarzes fenster ",
                    " ploetzlich | staendig | dauernd | download| heruntergeladen | geladen | installiert | eingesteckt "
                    + "| gesteckt | entpackt | gestartet | aus | deaktiviert | off | disabled | zahlen | bezahlen | pay "
                    + "| popping | keeps "),
            cue("files held", " dateien | files | daten | dokumente | documents ",
                    " locked | gesperrt | verschluesselt | encrypted | endung | extension | zurueckbekommen | get back "
                    + "| pay | zahlen | bezahlen | crypt | gehen nicht mehr auf | lassen sich nicht oeffnen "),
            cue("consent to access", " zugriff auf | access to my ",
                    "postfach|konto|mails|account|kontakte|dateien| daten |mailbox|email|files",
                    " zugestimmt | erlaubt | bestaetigt | akzeptiert | granted | allowed | approved | accepted "),
            cue("mail forwarded away", " umgeleitet | weitergeleitet | forwarded | redirected ",
                    " nicht bei mir | kommen nicht | nie an | never arrive| fremde| unbekannt| unknown "),
            cue("foreign stick", " usb |stick | zwischenstecker| stecker | adapter ",
                    " gefunden | lag | liegen | found | lying | plugged | schulhof | parkplatz | car park | fremd"
                    + "| unbekannt| gehoert nicht | doesn t belong | not ours "),
            cue("remote control", " fernwartung| fernzugriff| fernsteuer| teamviewer | anydesk | remote| steuern "
                    + "| control | maus | mauszeiger | cursor | mouse ",
                    " fremd| unbekannt| angeblich | microsoft | mitarbeiter | techniker | von selbst | alleine | allein "
                    + "| by itself | on its own | ohne dass | alle bildschirme | rumgeklickt "),
            cue("support scam", " microsoft| windows| apple",
                    " anrufen | anruf | anrufer | rueckruf | call | caller | calling | hotline | nummer | number "),
            cue("posing", " ausgegeben | angeblich| posing | pretend| supposedly | allegedly | saying they were "
                    + "| said they were | claimed to be | claiming to be ",
                    "microsoft|sparkasse|schulleit|support|hotline|techniker|mitarbeiter|paket|konto|account|mail"
                    + "| windows | apple | bank | dhl | rektor | chef| it | admin | schule "),
            cue("sign-in prompts nobody asked for", "authenticator|anmeldeanfrage|push|2fa|mfa|bestaetigungscode"
                    + "|sicherheitscode|verification code|sign in request|login request",
                    " dauernd | staendig | andauernd | immer wieder | ohne | nicht angefordert | nie angefordert "
                    + "| gar nichts | nichts gemacht | keep | constantly | didn t | never "),
            cue("denied by the account's owner", " ich war das nicht | ich war es nicht | ich war s nicht | ich wars nicht "
                    + "| war ich nicht | das war ich nich| die ich nicht gemacht | nichts geschickt | nie verschickt "
                    + "| never sent | didn t send | wasn t me "),
            cue("break-in", " aufgebrochen | aufgehebelt | eingeschlagen | broken into | break in "),
            cue("macro enabled", " inhalt aktivieren | makros aktivieren | makro aktiviert | enable content | enable editing "
                    + "| enabled macros "),
            cue("nobody of us did it", " keiner | niemand | nobody | no one | nicht von mir | die ich nicht "
                    + "| den ich nicht | das ich nicht | die ich nie | den ich nie | das ich nie | die ich gar nicht "
                    + "| den ich gar nicht | das ich gar nicht | we didn t | i didn t | i never ",
                    " angelegt | installiert | eingerichtet | geschrieben | verschickt | gesendet | angefordert | kennt "
                    + "| kenne | created | installed | sent | wrote | requested | set up "));

    private SecurityRules() {
    }

    private static Rule rule(String name, List<String> triggers, String regex) {
        return new Rule(name, triggers, Pattern.compile(regex));
    }

    /** A cue of word groups, each written as its members separated by "|". */
    private static Cue cue(String name, String... groups) {
        return new Cue(name, Arrays.stream(groups).map(group -> group.split("\\|")).toList());
    }

    /** CERTAIN when a rule fires, SUSPECTED when only a cue does. */
    static Verdict assess(String normalizedText) {
        if (fires(normalizedText)) {
            return Verdict.CERTAIN;
        }
        String padded = " " + normalizedText + " ";
        for (Cue cue : CUES) {
            if (cue.fires(padded)) {
                return Verdict.SUSPECTED;
            }
        }
        return Verdict.NONE;
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
