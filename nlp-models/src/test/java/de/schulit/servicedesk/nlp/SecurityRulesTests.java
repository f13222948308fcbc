package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityRulesTests {

    private static boolean fires(String text) {
        return SecurityRules.fires(TextNormalizer.normalize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ich habe auf den Link in der Mail geklickt und mein Passwort eingegeben",
            "Virus auf dem Verwaltungs-PC",
            "Verschlüsselungstrojaner? Alle Dateien heißen jetzt .crypt",
            "Auf dem Bildschirm steht eine Lösegeldforderung",
            "Mein Dienstlaptop wurde aus dem Auto gestohlen",
            "USB-Stick mit Schülerdaten verloren",
            "Mein Passwort wurde geändert, aber nicht von mir",
            "Jemand hat sich mit meinem Konto angemeldet",
            "Anmeldung aus Russland in meinem Konto",
            "someone logged into my account",
            "I clicked a link in a phishing mail",
            "Verdächtige Mail mit Rechnung im Anhang",
            "my laptop was stolen",
            "Der Dienstlaptop aus dem Lehrerzimmer ist seit gestern verschwunden",
            "I accidentally approved a sign-in request",
            "Der Virenschutz wurde deaktiviert, das war keiner von uns",
            "Eine Browser-Erweiterung hat sich von selbst installiert",
            "Anruf von Microsoft, ich sollte eine Software installieren",
            "Ein ehemaliger Kollege hat immer noch Zugriff auf den Lehrerordner",
            "jmd kennt mein passwort",
            "Die Schulfotos mit Namen sind öffentlich im Netz",
            "Ich bin dem Link in der SMS gefolgt und habe mich angemeldet",
            "Auf dem Bildschirm steht: Zahlen Sie 500 Euro, um Ihre Dateien zurückzubekommen",
            "Die Rechnung mit der neuen Bankverbindung war gefälscht",
            "Aus dem Notebookwagen fehlen seit Freitag drei Laptops",
            "Zahlen Sie 0,5 Bitcoin an diese Adresse, sonst bleiben die Dateien gesperrt",
            "Verdächtiges Programm im Autostart",
            "Ich habe einem Anrufer mein Passwort gesagt",
            "Aus Versehen die Noten der 7a an alle Eltern geschickt",
            "Die Schulleiterin will per Mail, dass ich Gutscheine kaufe",
            "Beamer aus Raum 104 gestohlen",
            "Mein iPad habe ich im Bus verloren",
    })
    void firesOnSecurityIncidents(String text) {
        assertThat(fires(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Passwort vergessen",
            "Drucker im Lehrerzimmer druckt nicht",
            "Bitte die Virenscanner-Lizenz verlängern",
            "Ich habe mein Passwort eingegeben, aber die Anmeldung klappt nicht",
            "Ein Schüler hat sein Handy auf dem Schulhof verloren",
            "Kann man verschlüsselte E-Mails verschicken?",
            "Wir brauchen 30 neue iPads",
            "Die Heizung im Raum 2.14 ist kaputt",
            "Die Kamera-App auf den iPads ist verschwunden",
            "Kann der Virenschutz für die Prüfungssoftware deaktiviert werden?",
            "Wir brauchen eine Erweiterung des WLAN im Altbau",
            "Ich habe die Zwei-Faktor-Anmeldung eingerichtet und bestätigt, aber der Code kommt nicht",
            "Die ehemalige Kollegin braucht noch Zugriff auf ihre Dateien",
            "Ich habe meinen Dienstlaptop zuhause vergessen, gibt es ein Leihgerät?",
            "Die Doku-Kamera schaltet sich von selbst aus",
            "Das Programm schließt sich von selbst",
            "Der Schüler kann sich mit dem Passwort nicht anmelden",
            "Uns fehlen noch zwei Laptops für die Referendare",
            "Aus dem Ladewagen fehlen zwei Ladekabel",
            "Die Taskleiste auf meinem Laptop ist verschwunden",
            "Fortbildung zu Phishing für das Kollegium gewünscht",
            "Bitcoin-Trading: verdoppeln Sie Ihr Geld in einer Woche",
            "Verdächtiges Piepen aus dem Serverraum",
            "Das Passwort läuft bald ab, wurde mir gesagt",
            "Aus Versehen die Klausur der 9b gelöscht, gibt es ein Backup?",
            "Sie haben einen Gutschein gewonnen!",
            "Mein Fahrrad wurde vor der Schule gestohlen",
            "Die iPads haben alle Apps verloren",
    })
    void staysQuietOnOrdinaryRequests(String text) {
        assertThat(fires(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Eine Schülerin hat mein Kennwort beim Eintippen gesehen",
            "Tablet aus dem Lehrerzimmer ist weg",
            "Komischer neuer Benutzer im Verwaltungsnetz",
            "Die Förderpläne der 5b liegen für alle sichtbar im Tauschordner",
            "Auf dem PC öffnet sich ständig Werbung",
            "Eine App wollte Zugriff auf mein Postfach und ich habe zugestimmt",
            "a USB stick found in the car park was plugged into the office PC",
            "Ein angeblicher Techniker wollte per Fernwartung auf den PC",
            "Auf dem Bildschirm steht, ich soll die Microsoft-Hotline anrufen",
            "Auf dem Server gibt es ein Konto, das niemand von uns angelegt hat",
            "the authenticator app asks me constantly to approve a sign-in",
            "Im Kursbuch stehen Einträge unter meinem Namen, ich war das nicht",
            "Die Tür zum Medienraum wurde heute Nacht aufgebrochen",
            "Beim Öffnen der Rechnung habe ich auf Inhalt aktivieren geklickt",
            "Am Lehrer-PC steckt ein Adapter zwischen Tastatur und Rechner, der gehört nicht zu uns",
    })
    void cuesSuspectWhatNoRuleDecides(String text) {
        String normalized = TextNormalizer.normalize(text);
        assertThat(SecurityRules.fires(normalized)).as("a rule on: " + text).isFalse();
        assertThat(SecurityRules.assess(normalized)).as(text).isEqualTo(SecurityRules.Verdict.SUSPECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Passwort vergessen",
            "Kann ich mein Passwort selbst ändern?",
            "Der Beamer in 2.14 zeigt kein Bild",
            "WLAN im Altbau ist langsam",
            "Wir brauchen 30 neue iPads",
            "Der Laptop lädt nicht mehr",
            "Die Heizung im Raum 2.14 ist kaputt",
            "Toner leer im Kopierer",
            "Stundenplan in WebUntis stimmt nicht",
    })
    void ordinaryRequestsRaiseNoSuspicion(String text) {
        assertThat(SecurityRules.assess(TextNormalizer.normalize(text))).as(text).isEqualTo(SecurityRules.Verdict.NONE);
    }

    @Test
    void aFiringRuleIsCertain() {
        assertThat(SecurityRules.assess(TextNormalizer.normalize("Virus auf dem Verwaltungs-PC")))
                .isEqualTo(SecurityRules.Verdict.CERTAIN);
    }

    @Test
    void cueMembersAnchoredBySpacesMatchWholeWordsOnly() {
        SecurityRules.Cue cue = SecurityRules.CUES.stream().filter(c -> c.name().equals("device gone")).findFirst()
                .orElseThrow();
        assertThat(cue.fires(" das dienstnotebook ist weg ")).isTrue();
        assertThat(cue.fires(" das dienstnotebook ist weggefahren ")).isFalse();
        assertThat(cue.fires(" weg ")).isFalse();
    }

    @Test
    void triggersAreNecessaryConditionsOfTheirExpressions() {
        List<String> texts = new ArrayList<>();
        Corpus.readBundled().forEach(t -> texts.add(t.text()));
        Corpus.readHeldOut(Path.of("src/test/resources/corpus/heldout.tsv")).forEach(t -> texts.add(t.text()));
        for (String text : texts) {
            String normalized = TextNormalizer.normalize(text);
            for (SecurityRules.Rule rule : SecurityRules.RULES) {
                if (rule.pattern().matcher(normalized).find()) {
                    assertThat(rule.fires(normalized)).as(rule.name() + " on: " + text).isTrue();
                }
            }
        }
    }
}
