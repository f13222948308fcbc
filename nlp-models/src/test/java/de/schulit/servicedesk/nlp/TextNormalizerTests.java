package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void lowerCasesAndTransliteratesUmlautsAndSharpS() {
        assertThat(TextNormalizer.normalize("Drücker GRÖßE Überprüfung Straße"))
                .isEqualTo("druecker groesse ueberpruefung strasse");
    }

    @Test
    void umlautAndAeSpellingsMeet() {
        assertThat(TextNormalizer.normalize("Bildschirm flackert, Lüfter laut, Schüler-PC"))
                .isEqualTo(TextNormalizer.normalize("bildschirm flackert luefter laut schueler pc"));
    }

    @Test
    void combiningAccentsAreComposedOrDropped() {
        assertThat(TextNormalizer.normalize("Schu\u0308ler Café")).isEqualTo("schueler cafe");
    }

    @Test
    void roomCodesTimesDatesAndNumbersBecomePlaceholders() {
        assertThat(TextNormalizer.normalize("Beamer in 2.14 zeigt kein Bild, Unterricht um 10:30"))
                .isEqualTo("beamer in zzroom zeigt kein bild unterricht um zztime");
        assertThat(TextNormalizer.normalize("Raum A104 und B-203")).isEqualTo("raum zzroom und zzroom");
        assertThat(TextNormalizer.normalize("seit 12.03.2025 kaputt")).isEqualTo("seit zzdate kaputt");
        assertThat(TextNormalizer.normalize("30 iPads")).isEqualTo("zznum ipads");
    }

    @Test
    void wordsWithDigitsStayWords() {
        assertThat(TextNormalizer.normalize("Office 365 auf Win11, Papier A4"))
                .isEqualTo("office zznum auf win11 papier a4");
    }

    @Test
    void urlsKeepTheirHostWordsAndMailAddressesBecomeAPlaceholder() {
        assertThat(TextNormalizer.normalize("Link https://login.schul-portal.example.com/reset?x=1 von it@stadt.de"))
                .isEqualTo("link zzurl login schul portal example von zzmail");
    }

    @Test
    void questionMarkBecomesAQuestionCue() {
        assertThat(TextNormalizer.normalize("Wie geht das?")).isEqualTo("wie geht das zzquest");
    }

    @Test
    void spellingVariantsAreJoinedAndLetterRunsShortened() {
        assertThat(TextNormalizer.normalize("E-Mail und W-LAN im PC-Raum gehen nicht!!! Hilfeeee"))
                .isEqualTo("email und wlan im pcraum gehen nicht hilfee");
    }

    @Test
    void emptyAndBlankInputGiveEmptyText() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize("  \t ")).isEmpty();
        assertThat(TextNormalizer.normalize("👍 !!")).isEmpty();
    }
}
