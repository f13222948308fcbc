package de.schulit.servicedesk.nlp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which features the extractor produces. Stored in the model file, so a loaded model extracts exactly the
 * features it was trained with.
 *
 * @param stemming      Snowball stem the words (German, or English for English text)
 * @param stopWords     drop function words from the word features (negations are kept)
 * @param bigrams       add word bigrams
 * @param charMin       shortest character n-gram; 0 switches character n-grams off
 * @param charMax       longest character n-gram
 * @param charAcross    take character n-grams over the whole normalised text instead of word by word
 *                      (catches "pc raum" vs. "pcraum")
 * @param scaleValues   give every feature the value 1/sqrt(number of features) instead of 1
 * @param compounds     split German compounds into words of the training vocabulary and add their
 *                      word features ("schuelerpasswoerter" also counts as "passwoerter")
 * @param lexicon       add "syn=&lt;service&gt;" when the message contains one of the service's catalog synonyms
 * @param glossary      add the German word for English IT words and chat abbreviations ({@link Glossary})
 * @param procurement   when the message has a procurement cue (new, additional, order, dispose, a quantity,
 *                      ...) add "proc=&lt;service&gt;" for each lexicon hit, so that "neuer Beamer" and
 *                      "Beamer kaputt" no longer share all their evidence
 */
record FeatureConfig(boolean stemming, boolean stopWords, boolean bigrams, int charMin, int charMax,
                     boolean charAcross, boolean scaleValues, boolean compounds, boolean lexicon, boolean glossary,
                     boolean procurement) {

    static FeatureConfig defaults() {
        return new FeatureConfig(true, true, true, 3, 5, false, false, true, true, true, true);
    }

    FeatureConfig {
        if (charMin < 0 || (charMin > 0 && charMax < charMin)) {
            throw new IllegalArgumentException("bad character n-gram range " + charMin + ".." + charMax);
        }
    }

    FeatureConfig withStemming(boolean value) {
        return new FeatureConfig(
                value, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement);
    }

    FeatureConfig withStopWords(boolean value) {
        return new FeatureConfig(
                stemming, value, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement);
    }

    FeatureConfig withBigrams(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, value, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement);
    }

    FeatureConfig withCharNgrams(int min, int max) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, min, max, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement);
    }

    FeatureConfig withCharAcross(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, value, scaleValues, compounds, lexicon, glossary,
                procurement);
    }

    FeatureConfig withScaleValues(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, value, compounds, lexicon, glossary,
                procurement);
    }

    FeatureConfig withCompounds(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, value, lexicon, glossary,
                procurement);
    }

    FeatureConfig withLexicon(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, value, glossary,
                procurement);
    }

    FeatureConfig withGlossary(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon,
                value, procurement);
    }

    FeatureConfig withProcurement(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                value);
    }

    Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("features.stemming", Boolean.toString(stemming));
        p.put("features.stopWords", Boolean.toString(stopWords));
        p.put("features.bigrams", Boolean.toString(bigrams));
        p.put("features.charMin", Integer.toString(charMin));
        p.put("features.charMax", Integer.toString(charMax));
        p.put("features.charAcross", Boolean.toString(charAcross));
        p.put("features.scaleValues", Boolean.toString(scaleValues));
        p.put("features.compounds", Boolean.toString(compounds));
        p.put("features.lexicon", Boolean.toString(lexicon));
        p.put("features.glossary", Boolean.toString(glossary));
        p.put("features.procurement", Boolean.toString(procurement));
        return p;
    }

    static FeatureConfig fromProperties(Map<String, String> p) {
        return new FeatureConfig(
                Boolean.parseBoolean(p.get("features.stemming")),
                Boolean.parseBoolean(p.get("features.stopWords")),
                Boolean.parseBoolean(p.get("features.bigrams")),
                Integer.parseInt(p.get("features.charMin")),
                Integer.parseInt(p.get("features.charMax")),
                Boolean.parseBoolean(p.get("features.charAcross")),
                Boolean.parseBoolean(p.get("features.scaleValues")),
                Boolean.parseBoolean(p.get("features.compounds")),
                Boolean.parseBoolean(p.get("features.lexicon")),
                Boolean.parseBoolean(p.get("features.glossary")),
                Boolean.parseBoolean(p.get("features.procurement")));
    }

    @Override
    public String toString() {
        return "stem=" + stemming + " stop=" + stopWords + " bigrams=" + bigrams
                + " char=" + (charMin == 0 ? "off" : charMin + "-" + charMax + (charAcross ? "(across)" : "(word)"))
                + " scaled=" + scaleValues + " compounds=" + compounds + " lexicon=" + lexicon
                + " glossary=" + glossary + " procurement=" + procurement;
    }
}
