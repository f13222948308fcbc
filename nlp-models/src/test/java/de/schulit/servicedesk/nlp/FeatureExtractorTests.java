package de.schulit.servicedesk.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeatureExtractorTests {

    private static final FeatureConfig BASIC =
            FeatureConfig.defaults().withCompounds(false).withLexicon(false).withGlossary(false);
    private final FeatureExtractor extractor = new FeatureExtractor(BASIC);

    private Set<String> features(FeatureExtractor fx, String text) {
        return new HashSet<>(Arrays.asList(fx.extract(text, "de").context()));
    }

    @Test
    void stemsWordsWithTheGermanSnowballStemmer() {
        assertThat(features(extractor, "Drucker druckt nicht")).contains("w=druck", "w=nicht");
        assertThat(features(extractor, "Die Drucker drucken")).contains("w=druck");
    }

    @Test
    void stemsEnglishWithTheEnglishStemmer() {
        assertThat(new HashSet<>(Arrays.asList(extractor.extract("printers printing", "en").context())))
                .contains("w=printer", "w=print");
    }

    @Test
    void dropsStopWordsButKeepsNegations() {
        Set<String> f = features(extractor, "der Beamer geht nicht mehr");
        assertThat(f).contains("w=beam", "w=nicht", "w=mehr").doesNotContain("w=der");
    }

    @Test
    void addsBigramsOfStems() {
        assertThat(features(extractor, "geht nicht")).contains("b=geht_nicht");
    }

    @Test
    void characterNgramsLetCompoundsAndTyposShareFeatures() {
        Set<String> compound = features(extractor, "Druckerpatrone");
        Set<String> typo = features(extractor, "Drukerpatrone");
        Set<String> part = features(extractor, "Patrone");
        assertThat(compound).contains("c=patr", "c=trone", "c=one ");
        assertThat(intersection(compound, typo)).hasSizeGreaterThan(10);
        assertThat(intersection(compound, part)).contains("c=patr", "c=rone ");
    }

    @Test
    void placeholdersGetNoCharacterNgrams() {
        Set<String> f = features(extractor, "Raum 2.14");
        assertThat(f).contains("w=zzroom").noneMatch(s -> s.startsWith("c=") && s.contains("zz"));
    }

    @Test
    void emptyTextStillHasAFeature() {
        assertThat(extractor.extract("", "de").context()).containsExactly("empty");
    }

    @Test
    void splitsCompoundsIntoKnownWords() {
        CompoundSplitter splitter = new CompoundSplitter(List.of("lehrer", "laufwerk", "verwaltung", "netz", "drucker",
                "patrone", "schueler", "passwoerter"));
        assertThat(splitter.split("lehrerlaufwerk")).containsExactly("lehrer", "laufwerk");
        assertThat(splitter.split("verwaltungsnetz")).containsExactly("verwaltung", "netz");
        assertThat(splitter.split("schuelerdruckerpatrone")).containsExactly("schueler", "drucker", "patrone");
        assertThat(splitter.split("drucker")).isEmpty();
        assertThat(splitter.split("unbekanntwort")).isEmpty();
    }

    @Test
    void compoundPartsBecomeWordFeatures() {
        CompoundSplitter splitter = new CompoundSplitter(List.of("schueler", "passwoerter"));
        FeatureExtractor fx = new FeatureExtractor(BASIC.withCompounds(true),
                FeatureExtractor.SIMPLE, splitter, null);
        // the German Snowball stemmer also folds the ue/oe spellings
        assertThat(features(fx, "Schülerpasswörter")).contains("w=schulerpasswort", "w=passwort", "w=schul");
        assertThatThrownBy(() -> new FeatureExtractor(BASIC.withCompounds(true),
                FeatureExtractor.SIMPLE, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogSynonymsBecomeLexiconFeatures() {
        Lexicon lexicon = Lexicon.fromPhrases(List.of(
                        new LabeledText("drucken", null, null, "Drucker"),
                        new LabeledText("praesentation", null, null, "Beamer"),
                        new LabeledText("wlan", null, null, "Gäste-WLAN"),
                        new LabeledText("drucken", null, null, "Der Drucker im Lehrerzimmer druckt seit Montag nur Streifen")),
                FeatureExtractor.SIMPLE, word -> extractor.stem(word, "de"));
        assertThat(lexicon.entries()).containsOnlyKeys("drucken", "praesentation", "wlan");
        FeatureExtractor fx = new FeatureExtractor(BASIC.withLexicon(true), FeatureExtractor.SIMPLE, null, lexicon);
        assertThat(features(fx, "Der Farbdrucker streikt")).contains("syn=drucken");
        assertThat(features(fx, "Beamerlampe kaputt")).contains("syn=praesentation");
        assertThat(features(fx, "Passwort für das Gäste WLAN")).contains("syn=wlan");
        assertThat(features(fx, "Heizung kalt")).noneMatch(f -> f.startsWith("syn="));
    }

    @Test
    void procurementCuesAndQuantitiesMarkTheRecognisedServices() {
        Lexicon lexicon = Lexicon.fromPhrases(List.of(new LabeledText("praesentation", null, null, "Beamer"),
                        new LabeledText("tablet", null, null, "iPad")),
                FeatureExtractor.SIMPLE, word -> extractor.stem(word, "de"));
        FeatureExtractor fx = new FeatureExtractor(BASIC.withLexicon(true), FeatureExtractor.SIMPLE, null, lexicon);
        assertThat(features(fx, "Wir brauchen einen neuen Beamer für 1.05")).contains("proc", "proc=praesentation");
        assertThat(features(fx, "30 iPads für die fünften Klassen")).contains("proc", "proc=tablet");
        assertThat(features(fx, "please order a new beamer")).contains("proc=praesentation");
        assertThat(features(fx, "Beamer in 2.14 zeigt kein Bild")).contains("syn=praesentation")
                .noneMatch(f -> f.startsWith("proc"));
        assertThat(features(fx, "Beamer in Raum 12 ist aus")).noneMatch(f -> f.startsWith("proc"));
        assertThat(features(fx, "the beamer in room 12 is off")).noneMatch(f -> f.startsWith("proc"));
        FeatureExtractor without = new FeatureExtractor(BASIC.withLexicon(true).withProcurement(false),
                FeatureExtractor.SIMPLE, null, lexicon);
        assertThat(features(without, "Wir brauchen einen neuen Beamer")).noneMatch(f -> f.startsWith("proc"));
    }

    @Test
    void procurementCuesTellAWholeDeviceFromAPartOrConsumable() {
        Lexicon lexicon = Lexicon.fromPhrases(List.of(new LabeledText("drucken", null, null, "Drucker"),
                        new LabeledText("drucken", null, null, "Tonerkartusche"),
                        new LabeledText("netzwerk", null, null, "Netzwerkdose")),
                FeatureExtractor.SIMPLE, word -> extractor.stem(word, "de"));
        FeatureExtractor fx = new FeatureExtractor(BASIC.withLexicon(true), FeatureExtractor.SIMPLE, null, lexicon);
        assertThat(features(fx, "Wir brauchen einen zweiten Farbdrucker")).contains("proc_device", "proc=drucken");
        assertThat(features(fx, "we need two more printers")).contains("proc_device");
        // a part of an existing device stays with its service: no "proc=<service>", which speaks for beschaffung
        assertThat(features(fx, "Wir brauchen zwei neue Tonerkartuschen"))
                .contains("proc", "proc_part", "syn=drucken").doesNotContain("proc=drucken");
        assertThat(features(fx, "Bitte zwei weitere Netzwerkdosen im Lehrerzimmer")).contains("proc_part");
        assertThat(features(fx, "we need new pens")).contains("proc_part");
        assertThat(features(fx, "please open the new folder")).noneMatch(f -> f.startsWith("proc_"));
        assertThat(features(fx, "Drucker kaputt")).noneMatch(f -> f.startsWith("proc"));
    }

    @Test
    void faultCuesMarkMalfunctionsHoweverTheyAreWorded() {
        Lexicon lexicon = Lexicon.fromPhrases(List.of(new LabeledText("praesentation", null, null, "Beamer")),
                FeatureExtractor.SIMPLE, word -> extractor.stem(word, "de"));
        FeatureExtractor fx = new FeatureExtractor(BASIC.withLexicon(true), FeatureExtractor.SIMPLE, null, lexicon);
        for (String text : List.of("Beamer kaputt", "der Beamer geht nicht mehr", "Beamer in 2.14 zeigt kein Bild",
                "beamer spinnt", "the beamer won't turn on", "beamer is broken", "Beamer funktioniert nich")) {
            assertThat(features(fx, text)).as(text).contains("fault", "fault=praesentation");
        }
        for (String text : List.of("Wir brauchen einen neuen Beamer", "Wie schalte ich den Beamer ein?",
                "Im Raum 12 gibt es keinen Beamer")) {
            assertThat(features(fx, text)).as(text).doesNotContain("fault");
        }
        FeatureExtractor without = new FeatureExtractor(BASIC.withLexicon(true).withFaultCues(false),
                FeatureExtractor.SIMPLE, null, lexicon);
        assertThat(features(without, "Beamer kaputt")).doesNotContain("fault");
    }

    @Test
    void glossaryAddsTheGermanWordForEnglishWordsAndAbbreviations() {
        FeatureExtractor fx = new FeatureExtractor(BASIC.withGlossary(true));
        assertThat(new HashSet<>(Arrays.asList(fx.extract("printer broken", "en").context())))
                .contains("w=printer", "w=druck", "w=kaputt");
        assertThat(features(fx, "pw vergessen")).contains("w=passwort");
        assertThat(features(extractor, "pw vergessen")).doesNotContain("w=passwort");
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }
}
