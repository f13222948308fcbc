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
    })
    void staysQuietOnOrdinaryRequests(String text) {
        assertThat(fires(text)).as(text).isFalse();
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
