package de.schulit.servicedesk.nlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements behind the pipeline choices in README-nlp.md: each variant is cross-validated on the
 * training corpus only (never on the held-out file). Not a test; run from the module directory with
 * {@code ../mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=de.schulit.servicedesk.nlp.PipelineExperiments -Dexec.args="group..."}; groups: time,
 * trainer, iterations, features, cues, catalog, language, calibrated, wbc, security, cutoff, seeds,
 * seeds-shipped, rules, type.
 */
final class PipelineExperiments {

    private PipelineExperiments() {
    }

    public static void main(String[] args) {
        Path trainDir = Path.of(System.getProperty("nlp.train", "src/main/resources/corpus/train"));
        Path catalogFile = Path.of(System.getProperty("nlp.catalog", "../config/catalog.yml"));
        int folds = Integer.getInteger("nlp.folds", 5);
        int threads = Integer.getInteger("nlp.threads", 2);
        List<LabeledText> corpus = Corpus.readTrainingDirectory(trainDir);
        Map<String, List<String>> catalog = CatalogExamples.read(catalogFile);
        List<String> groups = args.length == 0 ? List.of("time") : List.of(args);
        TrainerConfig base = TrainerConfig.defaults();
        TrainerConfig quick = base.withCalibrationFolds(0);
        for (String group : groups) {
            switch (group) {
                case "type" -> {
                    requestTypeVariants(corpus, folds);
                    continue;
                }
                case "rules" -> {
                    ruleHits(corpus);
                    continue;
                }
                case "seeds-shipped" -> {
                    repeated("shipped", quick, corpus, catalog, folds, threads);
                    continue;
                }
                case "seeds" -> {
                    FeatureConfig f = base.features();
                    System.out.println("== seeds (5 fold assignments each)");
                    repeated("shipped", quick, corpus, catalog, folds, threads);
                    repeated("no bigrams", quick.withFeatures(f.withBigrams(false)), corpus, catalog, folds, threads);
                    repeated("no stemming", quick.withFeatures(f.withStemming(false)), corpus, catalog, folds, threads);
                    repeated("char 4-5", quick.withFeatures(f.withCharNgrams(4, 5)), corpus, catalog, folds, threads);
                    repeated("cutoff 1", quick.withCutoff(1), corpus, catalog, folds, threads);
                    continue;
                }
                default -> {
                    // variant groups below
                }
            }
            Map<String, TrainerConfig> variants = new LinkedHashMap<>();
            switch (group) {
                case "time" -> variants.put("shipped", quick);
                case "trainer" -> {
                    variants.put("maxent-qn l2=1", quick.withL2(1));
                    variants.put("maxent-qn l2=2", quick.withL2(2));
                    variants.put("maxent-qn l2=4 (shipped)", quick);
                    variants.put("maxent-qn l2=8", quick.withL2(8));
                    variants.put("maxent-gis 100", quick.withAlgorithm("MAXENT", 100));
                    variants.put("maxent-gis 300", quick.withAlgorithm("MAXENT", 300));
                    variants.put("naive bayes", quick.withAlgorithm("NAIVEBAYES", 1));
                    variants.put("perceptron 100", quick.withAlgorithm("PERCEPTRON", 100));
                    variants.put("maxent-qn cutoff 1", quick.withCutoff(1));
                }
                case "features" -> {
                    FeatureConfig f = base.features();
                    variants.put("shipped " + f, quick);
                    variants.put("no stemming", quick.withFeatures(f.withStemming(false)));
                    variants.put("no stop-word removal", quick.withFeatures(f.withStopWords(false)));
                    variants.put("no bigrams", quick.withFeatures(f.withBigrams(false)));
                    variants.put("no char n-grams", quick.withFeatures(f.withCharNgrams(0, 0)));
                    variants.put("char 2-4", quick.withFeatures(f.withCharNgrams(2, 4)));
                    variants.put("char 3-4", quick.withFeatures(f.withCharNgrams(3, 4)));
                    variants.put("char 4-5", quick.withFeatures(f.withCharNgrams(4, 5)));
                    variants.put("char 3-6", quick.withFeatures(f.withCharNgrams(3, 6)));
                    variants.put("char across words", quick.withFeatures(f.withCharAcross(true)));
                    variants.put("scaled values", quick.withFeatures(f.withScaleValues(true)));
                    variants.put("no compound splitting", quick.withFeatures(f.withCompounds(false)));
                    variants.put("no synonym lexicon", quick.withFeatures(f.withLexicon(false)));
                    variants.put("no glossary", quick.withFeatures(f.withGlossary(false)));
                    variants.put("none of compounds/lexicon/glossary",
                            quick.withFeatures(f.withCompounds(false).withLexicon(false).withGlossary(false)));
                }
                case "security" -> {
                    variants.put("security threshold = general threshold", base.withSecurityThreshold(1.0));
                    variants.put("security threshold 0.5 (shipped)", base);
                    variants.put("security threshold 0.35", base.withSecurityThreshold(0.35));
                    variants.put("security floor 0.05", base.withSecurityFloor(0.05));
                    variants.put("security floor 0.2", base.withSecurityFloor(0.2));
                }
                case "iterations" -> {
                    for (int iterations : new int[] {100, 200, 400}) {
                        for (double l2 : new double[] {1, 2, 4, 8}) {
                            variants.put("maxent-qn it=" + iterations + " l2=" + l2,
                                    quick.withAlgorithm("MAXENT_QN", iterations).withL2(l2));
                        }
                    }
                }
                case "cues" -> {
                    FeatureConfig f = base.features();
                    variants.put("shipped", quick);
                    variants.put("no fault cues", quick.withFeatures(f.withFaultCues(false)));
                    variants.put("no procurement cues", quick.withFeatures(f.withProcurement(false)));
                }
                case "cutoff" -> {
                    variants.put("cutoff 1", quick.withCutoff(1));
                    variants.put("cutoff 2", quick.withCutoff(2));
                    variants.put("cutoff 3", quick.withCutoff(3));
                }
                case "catalog" -> {
                    variants.put("catalog weight 0 (not used)", quick.withCatalogWeight(0));
                    variants.put("catalog weight 1", quick.withCatalogWeight(1));
                    variants.put("catalog weight 2", quick.withCatalogWeight(2));
                    variants.put("catalog weight 3", quick.withCatalogWeight(3));
                }
                case "calibrated" -> {
                    variants.put("calibrated default", base);
                }
                case "wbc" -> {
                    variants.put("wbc target 0.01", base.withWrongConfidentTarget(0.01));
                    variants.put("wbc target 0.02", base.withWrongConfidentTarget(0.02));
                    variants.put("wbc target 0.025", base.withWrongConfidentTarget(0.025));
                    variants.put("wbc target 0.03", base.withWrongConfidentTarget(0.03));
                }
                case "language" -> {
                    for (LanguageDetector.Method method : LanguageDetector.Method.values()) {
                        variants.put("language " + method, quick.withLanguageMethod(method));
                    }
                }
                default -> throw new IllegalArgumentException("unknown group " + group);
            }
            System.out.println("== " + group + " (" + folds + "-fold CV, " + corpus.size() + " texts)");
            for (Map.Entry<String, TrainerConfig> variant : variants.entrySet()) {
                run(variant.getKey(), variant.getValue(), corpus, catalog, folds, threads);
            }
        }
    }

    static void run(String name, TrainerConfig config, List<LabeledText> corpus, Map<String, List<String>> catalog,
                    int folds, int threads) {
        ModelTrainer trainer = new ModelTrainer(config);
        long t0 = System.nanoTime();
        trainer.train(corpus, catalog);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Evaluation evaluation = CrossValidation.run(corpus, catalog, trainer, folds, threads);
        double cvSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "%-34s train %5.1fs cv %5.1fs | %s%n", name, trainSeconds, cvSeconds,
                evaluation.summary());
    }

    /** Mean and spread of top-1/top-3 over five different fold assignments, for differences near the noise. */
    static void repeated(String name, TrainerConfig config, List<LabeledText> corpus, Map<String, List<String>> catalog,
                         int folds, int threads) {
        double[] top1 = new double[5];
        double[] top3 = new double[5];
        for (int seed = 0; seed < top1.length; seed++) {
            Evaluation evaluation = CrossValidation.run(corpus, catalog, new ModelTrainer(config.withSeed(100 + seed)),
                    folds, threads);
            top1[seed] = evaluation.top1();
            top3[seed] = evaluation.top3();
        }
        System.out.printf(Locale.ROOT, "%-34s top1 %.3f (min %.3f max %.3f)  top3 %.3f%n", name,
                java.util.Arrays.stream(top1).average().orElse(0), java.util.Arrays.stream(top1).min().orElse(0),
                java.util.Arrays.stream(top1).max().orElse(0), java.util.Arrays.stream(top3).average().orElse(0));
    }

    /** Request-type accuracy of the type model alone, for several feature sets and regularisations. */
    static void requestTypeVariants(List<LabeledText> corpus, int folds) {
        List<LabeledText> typed = corpus.stream().filter(t -> Labels.isRequestType(t.requestType())).toList();
        FeatureConfig f = TrainerConfig.defaults().features().withCompounds(false).withLexicon(false);
        Map<String, FeatureConfig> features = new LinkedHashMap<>();
        features.put("words+bigrams+char 3-5", f);
        features.put("words+bigrams", f.withCharNgrams(0, 0));
        features.put("words+bigrams, no stop words", f.withCharNgrams(0, 0).withStopWords(false));
        features.put("words+bigrams+char 3-5, no stop words", f.withStopWords(false));
        features.put("words+bigrams+char 4-5", f.withCharNgrams(4, 5));
        int[] fold = Folds.assign(typed, LabeledText::requestType, folds, 7);
        for (Map.Entry<String, FeatureConfig> variant : features.entrySet()) {
            for (double l2 : new double[] {1, 4, 8}) {
                ModelTrainer trainer = new ModelTrainer(TrainerConfig.defaults().withL2(l2).withFeatures(variant.getValue()));
                FeatureExtractor fx = new FeatureExtractor(variant.getValue());
                List<FeatureExtractor.Features> fs = typed.stream().map(t -> fx.extract(t.text(), t.language())).toList();
                int right = 0;
                for (int k = 0; k < folds; k++) {
                    List<opennlp.tools.ml.model.Event> events = new ArrayList<>();
                    for (int i = 0; i < typed.size(); i++) {
                        if (fold[i] != k) {
                            events.add(new opennlp.tools.ml.model.Event(typed.get(i).requestType(), fs.get(i).context(), fs.get(i).values()));
                        }
                    }
                    opennlp.tools.ml.model.MaxentModel model = trainer.trainEvents(events);
                    for (int i = 0; i < typed.size(); i++) {
                        if (fold[i] == k) {
                            double[] p = model.eval(fs.get(i).context(), fs.get(i).values());
                            if (model.getBestOutcome(p).equals(typed.get(i).requestType())) {
                                right++;
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "type model %-40s l2=%-4s accuracy %.3f%n", variant.getKey(), l2,
                        (double) right / typed.size());
            }
        }
    }

    /** Which security rule fires on which corpus texts: precision of each rule, and the security texts no rule covers. */
    static void ruleHits(List<LabeledText> corpus) {
        int security = 0;
        int covered = 0;
        for (SecurityRules.Rule rule : SecurityRules.RULES) {
            List<String> wrong = new ArrayList<>();
            int right = 0;
            for (LabeledText t : corpus) {
                if (rule.pattern().matcher(TextNormalizer.normalize(t.text())).find()) {
                    if (Labels.SECURITY.equals(t.service())) {
                        right++;
                    } else {
                        wrong.add(t.service() + ": " + t.text());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-26s security %3d  other %3d %s%n", rule.name(), right, wrong.size(), wrong);
        }
        for (LabeledText t : corpus) {
            if (Labels.SECURITY.equals(t.service())) {
                security++;
                if (SecurityRules.fires(TextNormalizer.normalize(t.text()))) {
                    covered++;
                } else {
                    System.out.println("  not covered: " + t.text());
                }
            }
        }
        System.out.printf(Locale.ROOT, "rules cover %d of %d security texts%n", covered, security);
        cueHits(corpus);
    }

    /** Which cue fires on which corpus texts no rule covers, and what rules and cues cover together. */
    static void cueHits(List<LabeledText> corpus) {
        for (SecurityRules.Cue cue : SecurityRules.CUES) {
            int right = 0;
            List<String> other = new ArrayList<>();
            for (LabeledText t : corpus) {
                String normalized = TextNormalizer.normalize(t.text());
                if (!SecurityRules.fires(normalized) && cue.fires(" " + normalized + " ")) {
                    if (Labels.SECURITY.equals(t.service())) {
                        right++;
                    } else {
                        other.add(t.service() + ": " + t.text());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "cue %-34s security %3d  other %3d %s%n", cue.name(), right, other.size(), other);
        }
        long security = corpus.stream().filter(t -> Labels.SECURITY.equals(t.service())).count();
        long covered = corpus.stream().filter(t -> Labels.SECURITY.equals(t.service())
                && SecurityRules.assess(TextNormalizer.normalize(t.text())) != SecurityRules.Verdict.NONE).count();
        long suspectedOther = corpus.stream().filter(t -> !Labels.SECURITY.equals(t.service())
                && SecurityRules.assess(TextNormalizer.normalize(t.text())) == SecurityRules.Verdict.SUSPECTED).count();
        System.out.printf(Locale.ROOT, "rules or cues cover %d of %d security texts; cues fire on %d others%n",
                covered, security, suspectedOther);
    }
}
