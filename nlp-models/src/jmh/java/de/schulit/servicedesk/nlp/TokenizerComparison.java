package de.schulit.servicedesk.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Cross-validates the pipeline with OpenNLP's German tokenizer model (opennlp-models-tokenizer-de, UD GSD)
 * instead of the normaliser's split at non-letters. Run:
 * {@code ./mvnw -pl nlp-models -Pbenchmark test-compile exec:exec@benchmark
 * -Dbenchmark.main=de.schulit.servicedesk.nlp.TokenizerComparison -Djmh.args=}
 */
public final class TokenizerComparison {

    private TokenizerComparison() {
    }

    public static void main(String[] args) throws IOException {
        List<LabeledText> corpus = Corpus.readTrainingDirectory(
                Path.of(System.getProperty("nlp.train", "src/main/resources/corpus/train")));
        Map<String, List<String>> catalog = CatalogExamples.read(
                Path.of(System.getProperty("nlp.catalog", "../config/catalog.yml")));
        TokenizerModel model;
        try (InputStream in = TokenizerComparison.class.getClassLoader()
                .getResourceAsStream("opennlp-de-ud-gsd-tokens-1.3-2.5.4.bin")) {
            model = new TokenizerModel(in);
        }
        ThreadLocal<TokenizerME> tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(model));
        FeatureExtractor.Tokenization opennlp = raw -> {
            List<String> tokens = new ArrayList<>();
            for (String token : tokenizer.get().tokenize(raw == null ? "" : raw)) {
                String normalized = TextNormalizer.normalize(token);
                if (!normalized.isEmpty()) {
                    tokens.addAll(Arrays.asList(normalized.split(" ")));
                }
            }
            return tokens;
        };
        TrainerConfig config = TrainerConfig.defaults().withCalibrationFolds(0);
        run("normaliser + split at non-letters", new ModelTrainer(config), corpus, catalog);
        run("OpenNLP German tokenizer + normaliser", new ModelTrainer(config, opennlp), corpus, catalog);
        speed("normaliser + split at non-letters", FeatureExtractor.SIMPLE, corpus);
        speed("OpenNLP German tokenizer + normaliser", opennlp, corpus);
    }

    private static void run(String name, ModelTrainer trainer, List<LabeledText> corpus,
                            Map<String, List<String>> catalog) {
        Evaluation evaluation = CrossValidation.run(corpus, catalog, trainer, 5, 2);
        System.out.printf(Locale.ROOT, "%-40s %s%n", name, evaluation.summary());
    }

    private static void speed(String name, FeatureExtractor.Tokenization tokenization, List<LabeledText> corpus) {
        for (int warm = 0; warm < 5; warm++) {
            corpus.forEach(t -> tokenization.tokens(t.text()));
        }
        long start = System.nanoTime();
        corpus.forEach(t -> tokenization.tokens(t.text()));
        System.out.printf(Locale.ROOT, "%-40s %.1f us/text%n", name, (System.nanoTime() - start) / 1e3 / corpus.size());
    }
}
