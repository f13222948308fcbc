package de.schulit.servicedesk.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Compares OpenNLP's general language detector (langdetect-183, 103 languages, from Maven Central) with the
 * function-word detector on the corpus' language column: accuracy, speed, load time. Run:
 * {@code ./mvnw -pl nlp-models -Pbenchmark test-compile exec:exec@benchmark
 * -Dbenchmark.main=de.schulit.servicedesk.nlp.LanguageDetectorComparison -Djmh.args=}
 */
public final class LanguageDetectorComparison {

    private LanguageDetectorComparison() {
    }

    public static void main(String[] args) throws IOException {
        List<LabeledText> texts = new ArrayList<>(Corpus.readTrainingDirectory(
                Path.of(System.getProperty("nlp.train", "src/main/resources/corpus/train"))));
        texts.removeIf(t -> t.language() == null);

        long start = System.nanoTime();
        LanguageDetectorModel model;
        try (InputStream in = LanguageDetectorComparison.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            model = new LanguageDetectorModel(in);
        }
        double loadMillis = (System.nanoTime() - start) / 1e6;
        LanguageDetectorME opennlp = new LanguageDetectorME(model);
        LanguageDetector functionWords = new LanguageDetector(LanguageDetector.Method.FUNCTION_WORDS, null);

        report("OpenNLP langdetect-183, top language", texts, t -> {
            String lang = opennlp.predictLanguage(t).getLang();
            return "eng".equals(lang) ? "en" : "deu".equals(lang) ? "de" : "other:" + lang;
        });
        report("OpenNLP langdetect-183, deu vs eng only", texts, t -> {
            double de = 0;
            double en = 0;
            for (Language l : opennlp.predictLanguages(t)) {
                if ("deu".equals(l.getLang())) {
                    de = l.getConfidence();
                } else if ("eng".equals(l.getLang())) {
                    en = l.getConfidence();
                }
            }
            return en > de ? "en" : "de";
        });
        report("function words", texts, t -> functionWords.detect(FeatureExtractor.SIMPLE.tokens(t)));
        System.out.printf(Locale.ROOT, "langdetect-183 model load: %.0f ms (%d texts)%n", loadMillis, texts.size());
    }

    private static void report(String name, List<LabeledText> texts, Function<String, String> detector) {
        for (int warm = 0; warm < 3; warm++) {
            texts.forEach(t -> detector.apply(t.text()));
        }
        long start = System.nanoTime();
        int right = 0;
        int rightEnglish = 0;
        int english = 0;
        for (LabeledText t : texts) {
            String detected = detector.apply(t.text());
            if (detected.equals(t.language())) {
                right++;
            }
            if ("en".equals(t.language())) {
                english++;
                if ("en".equals(detected)) {
                    rightEnglish++;
                }
            }
        }
        double micros = (System.nanoTime() - start) / 1e3 / texts.size();
        System.out.printf(Locale.ROOT, "%-42s accuracy %.3f  English recall %.3f  %.1f us/text%n", name,
                (double) right / texts.size(), (double) rightEnglish / english, micros);
    }
}
