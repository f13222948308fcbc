package de.schulit.servicedesk.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a {@link ClassifierModel}: the language model, the service model (services plus "kein_it"), the
 * request-type model, and the decision policy, whose temperature and abstention threshold are fitted on
 * out-of-fold scores of an inner cross-validation over the corpus.
 */
final class ModelTrainer {

    /** Threshold used when calibration is switched off (calibrationFolds < 2, quick experiments only). */
    static final double UNCALIBRATED_THRESHOLD = 0.5;
    /** L-BFGS history length: 5 instead of OpenNLP's 15 trains ~40 % faster, CV accuracy within noise (README). */
    static final int QN_UPDATES = 5;

    private final TrainerConfig config;
    private final FeatureExtractor.Tokenization tokenization;

    ModelTrainer(TrainerConfig config) {
        this(config, FeatureExtractor.SIMPLE);
    }

    ModelTrainer(TrainerConfig config, FeatureExtractor.Tokenization tokenization) {
        this.config = config;
        this.tokenization = tokenization;
    }

    TrainerConfig config() {
        return config;
    }

    /** A message prepared for training: tokens, language, features, what the security rules say. */
    record Doc(LabeledText text, List<String> tokens, String language, FeatureExtractor.Features features,
               SecurityRules.Verdict security) {

        String service() {
            return text.service();
        }

        boolean ruleFired() {
            return security == SecurityRules.Verdict.CERTAIN;
        }
    }

    ClassifierModel train(List<LabeledText> corpus, Map<String, List<String>> catalogExamples) {
        long start = System.nanoTime();
        List<List<String>> corpusTokens = corpus.stream().map(t -> tokenization.tokens(t.text())).toList();
        List<LabeledText> catalogTexts = CatalogExamples.asTrainingTexts(catalogExamples);
        List<List<String>> catalogTokens = catalogTexts.stream().map(t -> tokenization.tokens(t.text())).toList();
        LanguageDetector detector = new LanguageDetector(config.languageMethod(),
                config.languageMethod() == LanguageDetector.Method.FUNCTION_WORDS
                        ? null : trainLanguageModel(corpus, corpusTokens));
        CompoundSplitter splitter = null;
        if (config.features().compounds()) {
            List<List<String>> all = new ArrayList<>(corpusTokens);
            all.addAll(catalogTokens);
            splitter = CompoundSplitter.fromTokens(all, 1);
        }
        Lexicon lexicon = null;
        if (config.features().lexicon()) {
            FeatureExtractor stemmer = new FeatureExtractor(config.features().withCompounds(false).withLexicon(false));
            lexicon = Lexicon.fromPhrases(catalogTexts, tokenization, word -> stemmer.stem(word, LanguageDetector.GERMAN));
        }
        FeatureExtractor extractor = new FeatureExtractor(config.features(), tokenization, splitter, lexicon);

        List<Doc> docs = new ArrayList<>(corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            docs.add(prepare(extractor, detector, corpus.get(i), corpusTokens.get(i)));
        }
        List<Doc> catalogDocs = new ArrayList<>(catalogTexts.size());
        for (int i = 0; i < catalogTexts.size(); i++) {
            catalogDocs.add(prepare(extractor, detector, catalogTexts.get(i), catalogTokens.get(i)));
        }

        long prepared = System.nanoTime();
        String[] labels = labels(docs, catalogDocs);
        double ruleConfidence = Calibration.rulePrecision(docs);
        DecisionPolicy policy = new DecisionPolicy(1.0, UNCALIBRATED_THRESHOLD, config.noItThreshold(),
                config.securityFloor(), config.securityThreshold(), ruleConfidence);
        if (config.calibrationFolds() >= 2) {
            double[][] outOfFold = outOfFold(docs, catalogDocs, labels);
            policy = policy.withTemperature(Calibration.fitTemperature(docs, outOfFold, labels));
            policy = policy.withThreshold(Calibration.chooseThreshold(docs, outOfFold, labels, policy,
                    config.wrongConfidentTarget(), config.minThreshold()));
        }

        long calibrated = System.nanoTime();
        MaxentModel serviceModel = trainEvents(serviceEvents(docs, catalogDocs));
        long serviceTrained = System.nanoTime();
        List<Event> typeEvents = new ArrayList<>();
        for (Doc doc : docs) {
            if (Labels.isRequestType(doc.text().requestType())) {
                typeEvents.add(new Event(doc.text().requestType(), doc.features().context(), doc.features().values()));
            }
        }
        MaxentModel typeModel = typeEvents.isEmpty() ? null : trainEvents(typeEvents);

        Map<String, String> info = new LinkedHashMap<>();
        info.put("trainer", config.toString());
        info.put("corpus.texts", Integer.toString(docs.size()));
        info.put("catalog.phrases", Integer.toString(catalogDocs.size()));
        info.put("labels", String.join(",", labels));
        long end = System.nanoTime();
        info.put("training.millis", Long.toString((end - start) / 1_000_000));
        info.put("training.millis.features", Long.toString((prepared - start) / 1_000_000));
        info.put("training.millis.calibration", Long.toString((calibrated - prepared) / 1_000_000));
        info.put("training.millis.service", Long.toString((serviceTrained - calibrated) / 1_000_000));
        info.put("training.millis.requestType", Long.toString((end - serviceTrained) / 1_000_000));
        return new ClassifierModel(extractor, serviceModel, typeModel, detector, policy,
                CatalogExamples.fingerprint(catalogExamples), info);
    }

    private Doc prepare(FeatureExtractor extractor, LanguageDetector detector, LabeledText text, List<String> tokens) {
        String language = text.language() != null ? text.language() : detector.detect(tokens);
        return new Doc(text, tokens, language, extractor.extract(tokens, language),
                SecurityRules.assess(String.join(" ", tokens)));
    }

    private static String[] labels(List<Doc> docs, List<Doc> catalogDocs) {
        TreeSet<String> labels = new TreeSet<>();
        docs.forEach(d -> labels.add(d.service()));
        catalogDocs.forEach(d -> labels.add(d.service()));
        return labels.toArray(new String[0]);
    }

    /**
     * Out-of-fold service probabilities for every corpus doc, aligned with {@code labels}. The folds train in
     * parallel (up to the number of processors).
     */
    double[][] outOfFold(List<Doc> docs, List<Doc> catalogDocs, String[] labels) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        int k = config.calibrationFolds();
        int[] fold = Folds.assign(docs, Doc::service, k, config.seed() + 1);
        double[][] scores = new double[docs.size()][];
        int threads = Math.max(1, Math.min(k, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "classifier-calibration");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                int current = f;
                futures.add(pool.submit(() -> {
                    List<Doc> train = new ArrayList<>();
                    for (int i = 0; i < docs.size(); i++) {
                        if (fold[i] != current) {
                            train.add(docs.get(i));
                        }
                    }
                    MaxentModel model = trainEvents(serviceEvents(train, catalogDocs));
                    String[] outcomes = ClassifierModel.outcomes(model);
                    for (int i = 0; i < docs.size(); i++) {
                        if (fold[i] == current) {
                            double[] p = model.eval(docs.get(i).features().context(), docs.get(i).features().values());
                            double[] aligned = new double[labels.length];
                            for (int o = 0; o < outcomes.length; o++) {
                                aligned[index.get(outcomes[o])] = p[o];
                            }
                            scores[i] = aligned;
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("calibration interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("calibration failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return scores;
    }

    private List<Event> serviceEvents(List<Doc> docs, List<Doc> catalogDocs) {
        List<Event> events = new ArrayList<>(docs.size() + catalogDocs.size() * config.catalogWeight());
        for (Doc doc : docs) {
            events.add(new Event(doc.service(), doc.features().context(), doc.features().values()));
        }
        for (int r = 0; r < config.catalogWeight(); r++) {
            for (Doc doc : catalogDocs) {
                events.add(new Event(doc.service(), doc.features().context(), doc.features().values()));
            }
        }
        return events;
    }

    private MaxentModel trainLanguageModel(List<LabeledText> corpus, List<List<String>> tokens) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String language = corpus.get(i).language();
            if (LanguageDetector.GERMAN.equals(language) || LanguageDetector.ENGLISH.equals(language)) {
                events.add(new Event(language, LanguageDetector.features(tokens.get(i))));
            }
        }
        if (events.stream().map(Event::getOutcome).distinct().count() < 2) {
            throw new IllegalArgumentException("the corpus needs German and English texts to train the language model");
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(QNTrainer.L2COST_PARAM, 1.0);
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        return train(params, events);
    }

    MaxentModel trainEvents(List<Event> events) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, config.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, config.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, config.cutoff());
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, config.features().scaleValues()
                ? AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE
                : AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        if (QNTrainer.MAXENT_QN_VALUE.equals(config.algorithm())) {
            params.put(QNTrainer.L2COST_PARAM, config.l2());
            params.put(QNTrainer.L1COST_PARAM, 0.0);
            params.put(QNTrainer.M_PARAM, QN_UPDATES);
        }
        return train(params, events);
    }

    private static MaxentModel train(TrainingParameters params, List<Event> events) {
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e);
        }
    }
}
