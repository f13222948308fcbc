package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTests {

    private final LanguageDetector detector = new LanguageDetector(LanguageDetector.Method.FUNCTION_WORDS, null);

    private String detect(String text) {
        return detector.detect(FeatureExtractor.SIMPLE.tokens(text));
    }

    @Test
    void tellsGermanFromEnglishByFunctionWords() {
        assertThat(detect("Der Drucker im Lehrerzimmer geht nicht")).isEqualTo("de");
        assertThat(detect("The printer in the staff room is not working")).isEqualTo("en");
        assertThat(detect("I forgot my password")).isEqualTo("en");
        assertThat(detect("Passwort vergessen, bitte zurücksetzen")).isEqualTo("de");
    }

    @Test
    void recognisesShortEnglishFaultReports() {
        // the bot answers English writers in English, and they are as brief as German ones
        assertThat(detect("printer in room 12 is jammed")).isEqualTo("en");
        assertThat(detect("printer jammed")).isEqualTo("en");
        assertThat(detect("wifi down")).isEqualTo("en");
        assertThat(detect("no internet")).isEqualTo("en");
        assertThat(detect("projector broken")).isEqualTo("en");
        assertThat(detect("smartboard frozen")).isEqualTo("en");
        assertThat(detect("network down in the lab")).isEqualTo("en");
        assertThat(detect("iPad cart not charging")).isEqualTo("en");
    }

    @Test
    void keepsShortGermanFaultReportsGerman() {
        assertThat(detect("Drucker kaputt")).isEqualTo("de");
        assertThat(detect("Beamer defekt")).isEqualTo("de");
        assertThat(detect("WLAN geht nicht")).isEqualTo("de");
        assertThat(detect("Papierstau im Lehrerzimmer")).isEqualTo("de");
        assertThat(detect("Smartboard in 2.14 reagiert nicht")).isEqualTo("de");
        assertThat(detect("pw vergessen")).isEqualTo("de");
    }

    @Test
    void fallsBackToGermanWithoutEvidence() {
        assertThat(detect("Beamer")).isEqualTo("de");
        assertThat(detect("")).isEqualTo("de");
    }
}
