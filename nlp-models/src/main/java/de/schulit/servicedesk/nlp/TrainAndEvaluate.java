package de.schulit.servicedesk.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: trains and evaluates the classifier on given files.
 *
 * <pre>
 * TrainAndEvaluate --train &lt;dir&gt; [--heldout &lt;file&gt;]... [--catalog &lt;catalog.yml&gt;] [--folds 10]
 *                  [--threads 1] [--no-cv] [--out &lt;model file&gt;] [--errors]
 *                  [pipeline options: --algorithm MAXENT_QN|MAXENT|NAIVEBAYES|PERCEPTRON --iterations n --l2 x
 *                   --cutoff n --char 3-5|off --char-across --no-stem --no-stop --no-bigrams --no-procurement
 *                   --no-fault --scale
 *                   --lang FUNCTION_WORDS|MODEL|COMBINED --wbc-target x --no-it-threshold x --security-floor x
 *                   --catalog-weight n --calibration-folds n]
 * </pre>
 * Prints k-fold cross-validation figures on the training corpus and, with {@code --heldout} (repeatable), the
 * figures of a model trained on the whole corpus on each held-out file. {@code --errors} lists the cross-validation
 * mistakes (never the held-out ones: the held-out file is for measuring, not for tuning); SECURITY-NOT-AMONG-CANDIDATES
 * marks a security incident whose candidates lack {@code sicherheit}.
 */
public final class TrainAndEvaluate {

    private TrainAndEvaluate() {
    }

    public static void main(String[] args) {
        Path trainDir = null;
        List<Path> heldOut = new ArrayList<>();
        Path catalogFile = null;
        Path out = null;
        int folds = 10;
        int threads = 1;
        boolean cv = true;
        boolean errors = false;
        TrainerConfig config = TrainerConfig.defaults();
        FeatureConfig features = config.features();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--train" -> trainDir = Path.of(args[++i]);
                case "--heldout" -> heldOut.add(Path.of(args[++i]));
                case "--catalog" -> catalogFile = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--no-cv" -> cv = false;
                case "--errors" -> errors = true;
                case "--algorithm" -> config = config.withAlgorithm(args[++i], config.iterations());
                case "--iterations" -> config = config.withAlgorithm(config.algorithm(), Integer.parseInt(args[++i]));
                case "--l2" -> config = config.withL2(Double.parseDouble(args[++i]));
                case "--cutoff" -> config = config.withCutoff(Integer.parseInt(args[++i]));
                case "--char" -> {
                    String range = args[++i];
                    features = "off".equals(range) ? features.withCharNgrams(0, 0)
                            : features.withCharNgrams(Integer.parseInt(range.split("-")[0]),
                            Integer.parseInt(range.split("-")[1]));
                }
                case "--char-across" -> features = features.withCharAcross(true);
                case "--no-stem" -> features = features.withStemming(false);
                case "--no-stop" -> features = features.withStopWords(false);
                case "--no-procurement" -> features = features.withProcurement(false);
                case "--no-fault" -> features = features.withFaultCues(false);
                case "--no-bigrams" -> features = features.withBigrams(false);
                case "--scale" -> features = features.withScaleValues(true);
                case "--lang" -> config = config.withLanguageMethod(LanguageDetector.Method.valueOf(args[++i]));
                case "--wbc-target" -> config = config.withWrongConfidentTarget(Double.parseDouble(args[++i]));
                case "--no-it-threshold" -> config = config.withNoItThreshold(Double.parseDouble(args[++i]));
                case "--security-floor" -> config = config.withSecurityFloor(Double.parseDouble(args[++i]));
                case "--catalog-weight" -> config = config.withCatalogWeight(Integer.parseInt(args[++i]));
                case "--calibration-folds" -> config = config.withCalibrationFolds(Integer.parseInt(args[++i]));
                default -> usage("unknown argument " + arg);
            }
        }
        if (trainDir == null) {
            usage("--train is required");
        }
        config = config.withFeatures(features);
        List<LabeledText> corpus = Corpus.readTrainingDirectory(trainDir);
        Map<String, List<String>> catalog = catalogFile == null ? Map.of() : CatalogExamples.read(catalogFile);
        ModelTrainer trainer = new ModelTrainer(config);
        System.out.printf(Locale.ROOT, "corpus: %d texts from %s; catalog: %d phrases%s%n", corpus.size(), trainDir,
                CatalogExamples.asTrainingTexts(catalog).size(), catalogFile == null ? "" : " from " + catalogFile);
        System.out.println("pipeline: " + config);

        if (cv) {
            long start = System.nanoTime();
            Evaluation evaluation = CrossValidation.run(corpus, catalog, trainer, folds, threads);
            System.out.printf(Locale.ROOT, "%n%d-fold cross-validation took %.1f s%n", folds,
                    (System.nanoTime() - start) / 1e9);
            System.out.println(evaluation.report(folds + "-fold cross-validation"));
            if (errors) {
                printErrors(evaluation);
            }
        }
        long start = System.nanoTime();
        ClassifierModel model = trainer.train(corpus, catalog);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "full training: %.1f s; threshold=%.2f temperature=%.2f ruleConfidence=%.2f%n",
                seconds, model.policy().threshold(), model.policy().temperature(), model.policy().ruleConfidence());
        for (Path file : heldOut) {
            List<LabeledText> texts = Corpus.readHeldOut(file);
            System.out.println();
            System.out.println(CrossValidation.evaluate(model, texts).report("held-out " + file));
        }
        if (out != null) {
            new ServiceClassifier(model).write(out);
            System.out.println("model written to " + out + " (" + sizeOf(out) + " bytes)");
        }
    }

    private static void printErrors(Evaluation evaluation) {
        List<String> lines = new ArrayList<>();
        for (Evaluation.Outcome o : evaluation.outcomes()) {
            Prediction p = o.prediction();
            String first = p.candidates().isEmpty() ? null : p.candidates().get(0).label();
            boolean wrongTop = !o.gold().service().equals(o.decision().label());
            boolean wrongFirst = o.isIt() && !o.gold().service().equals(first);
            boolean wrongType = o.isIt() && Labels.isRequestType(o.gold().requestType())
                    && !o.gold().requestType().equals(p.requestType());
            boolean securityMissed = Labels.SECURITY.equals(o.gold().service())
                    && p.candidates().stream().noneMatch(c -> Labels.SECURITY.equals(c.label()));
            if (wrongTop || wrongType) {
                lines.add(String.format(Locale.ROOT, "%-12s %-9s -> %-12s %-9s %.2f %s%s%s%s | %s",
                        o.gold().service(), o.gold().requestType(), o.decision().label(), p.requestType(),
                        p.confidence(), p.serviceId() == null ? "abstain" : "DECIDED",
                        o.decision().ruleFired() ? " rule" : "", wrongFirst ? " TOP1-MISS(" + first + ")" : "",
                        securityMissed ? " SECURITY-NOT-AMONG-CANDIDATES" : "", o.gold().text()));
            }
        }
        lines.sort(null);
        System.out.println("cross-validation errors (gold -> predicted; TOP1-MISS: the first candidate is wrong):");
        lines.forEach(System.out::println);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TrainAndEvaluate --train <dir> [--heldout <file>]... [--catalog <catalog.yml>] "
                + "[--folds 10] [--threads 1] [--no-cv] [--out <model>] [--errors] [pipeline options, see javadoc]");
        System.exit(2);
    }
}
