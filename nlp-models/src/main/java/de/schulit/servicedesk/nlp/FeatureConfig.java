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
 *                      "Beamer kaputt" no longer share all their evidence; with the cue, whether the message
 *                      names a whole device ("Drucker") or only a part, consumable or extension ("Toner",
 *                      "Netzwerkdose") adds "proc_device" or "proc_part"
 * @param faultCues     when the message reports a malfunction ("kaputt", "geht nicht", "kein Bild", "won't turn
 *                      on") add "fault" and "fault=&lt;service&gt;" for each lexicon hit, so that the many ways of
 *                      saying it share one weight
 */
record FeatureConfig(boolean stemming, boolean stopWords, boolean bigrams, int charMin, int charMax,
                     boolean charAcross, boolean scaleValues, boolean compounds, boolean lexicon, boolean glossary,
                     boolean procurement, boolean faultCues) {

    static FeatureConfig defaults() {
        return new FeatureConfig(true, true, true, 3, 5, false, false, true, true, true, true, true);
    }

    FeatureConfig {
        if (charMin < 0 || (charMin > 0 && charMax < charMin)) {
            throw new IllegalArgumentException("bad character n-gram range " + charMin + ".." + charMax);
        }
    }

    FeatureConfig withStemming(boolean value) {
        return new FeatureConfig(
                value, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withStopWords(boolean value) {
        return new FeatureConfig(
                stemming, value, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withBigrams(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, value, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withCharNgrams(int min, int max) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, min, max, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withCharAcross(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, value, scaleValues, compounds, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withScaleValues(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, value, compounds, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withCompounds(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, value, lexicon, glossary,
                procurement, faultCues);
    }

    FeatureConfig withLexicon(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, value, glossary,
                procurement, faultCues);
    }

    FeatureConfig withGlossary(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon,
                value, procurement, faultCues);
    }

    FeatureConfig withProcurement(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                value, faultCues);
    }

    FeatureConfig withFaultCues(boolean value) {
        return new FeatureConfig(
                stemming, stopWords, bigrams, charMin, charMax, charAcross, scaleValues, compounds, lexicon, glossary,
                procurement, value);
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
        p.put("features.faultCues", Boolean.toString(faultCues));
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
                Boolean.parseBoolean(p.get("features.procurement")),
                Boolean.parseBoolean(p.get("features.faultCues")));
    }

    @Override
    public String toString() {
        return "stem=" + stemming + " stop=" + stopWords + " bigrams=" + bigrams
                + " char=" + (charMin == 0 ? "off" : charMin + "-" + charMax + (charAcross ? "(across)" : "(word)"))
                + " scaled=" + scaleValues + " compounds=" + compounds + " lexicon=" + lexicon
                + " glossary=" + glossary + " procurement=" + procurement + " fault=" + faultCues;
    }
}
