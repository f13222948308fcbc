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
    void fallsBackToGermanWithoutEvidence() {
        assertThat(detect("Beamer")).isEqualTo("de");
        assertThat(detect("")).isEqualTo("de");
    }
}
