package de.schulit.servicedesk.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * A trained classifier: feature extraction, the OpenNLP service, request-type and language models, the
 * calibrated decision policy and the fingerprint of the catalog phrases it was trained with. Immutable
 * and thread-safe. Stored as a zip of OpenNLP binary models plus a properties file.
 */
final class ClassifierModel {

    static final int FORMAT_VERSION = 1;
    private static final String META = "model.properties";
    private static final String SERVICE = "service.bin";
    private static final String TYPE = "request-type.bin";
    private static final String LANGUAGE = "language.bin";
    private static final String VOCABULARY = "vocabulary.txt";
    private static final String LEXICON = "lexicon.tsv";

    private final FeatureExtractor extractor;
    private final MaxentModel serviceModel;
    private final MaxentModel typeModel;
    private final LanguageDetector languageDetector;
    private final DecisionPolicy policy;
    private final String fingerprint;
    private final Map<String, String> info;
    private final String[] labels;

    ClassifierModel(FeatureExtractor extractor, MaxentModel serviceModel, MaxentModel typeModel,
                    LanguageDetector languageDetector, DecisionPolicy policy, String fingerprint,
                    Map<String, String> info) {
        this.extractor = extractor;
        this.serviceModel = serviceModel;
        this.typeModel = typeModel;
        this.languageDetector = languageDetector;
        this.policy = policy;
        this.fingerprint = fingerprint;
        this.info = Map.copyOf(info);
        this.labels = outcomes(serviceModel);
    }

    String fingerprint() {
        return fingerprint;
    }

    DecisionPolicy policy() {
        return policy;
    }

    Map<String, String> info() {
        return info;
    }

    FeatureExtractor extractor() {
        return extractor;
    }

    ClassifierModel withPolicy(DecisionPolicy newPolicy) {
        return new ClassifierModel(extractor, serviceModel, typeModel, languageDetector, newPolicy, fingerprint, info);
    }

    ClassifierModel withInfo(String key, String value) {
        Map<String, String> newInfo = new LinkedHashMap<>(info);
        newInfo.put(key, value);
        return new ClassifierModel(extractor, serviceModel, typeModel, languageDetector, policy, fingerprint, newInfo);
    }

    DecisionPolicy.Decision decide(String text) {
        List<String> tokens = extractor.tokens(text);
        String language = languageDetector.detect(tokens);
        FeatureExtractor.Features features = extractor.extract(tokens, language);
        double[] scores = serviceModel.eval(features.context(), features.values());
        SecurityRules.Verdict security = SecurityRules.assess(String.join(" ", tokens));
        return policy.decide(labels, scores, security, requestType(features), language);
    }

    /** The service model's raw probabilities, aligned with {@link #labels()}. */
    double[] serviceScores(FeatureExtractor.Features features) {
        return serviceModel.eval(features.context(), features.values());
    }

    String[] labels() {
        return labels.clone();
    }

    String requestType(FeatureExtractor.Features features) {
        if (typeModel == null) {
            return null;
        }
        double[] p = typeModel.eval(features.context(), features.values());
        return typeModel.getBestOutcome(p);
    }

    String language(List<String> tokens) {
        return languageDetector.detect(tokens);
    }

    static String[] outcomes(MaxentModel model) {
        String[] outcomes = new String[model.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = model.getOutcome(i);
        }
        return outcomes;
    }

    void write(OutputStream out) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", Integer.toString(FORMAT_VERSION));
        meta.put("catalog.fingerprint", fingerprint);
        meta.putAll(extractor.config().toProperties());
        meta.put("policy.temperature", Double.toString(policy.temperature()));
        meta.put("policy.threshold", Double.toString(policy.threshold()));
        meta.put("policy.noItThreshold", Double.toString(policy.noItThreshold()));
        meta.put("policy.securityFloor", Double.toString(policy.securityFloor()));
        meta.put("policy.securityThreshold", Double.toString(policy.securityThreshold()));
        meta.put("policy.ruleConfidence", Double.toString(policy.ruleConfidence()));
        meta.put("language.method", languageDetector.method().name());
        info.forEach((k, v) -> meta.put("info." + k, v));
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(META));
        Properties properties = new Properties();
        properties.putAll(meta);
        StringWriter text = new StringWriter();
        properties.store(text, "servicedesk classifier");
        zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeModel(zip, SERVICE, serviceModel);
        if (typeModel != null) {
            writeModel(zip, TYPE, typeModel);
        }
        if (languageDetector.model() != null) {
            writeModel(zip, LANGUAGE, languageDetector.model());
        }
        if (extractor.splitter() != null) {
            zip.putNextEntry(new ZipEntry(VOCABULARY));
            zip.write(String.join("\n", extractor.splitter().vocabulary()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        if (extractor.lexicon() != null) {
            StringBuilder lines = new StringBuilder();
            extractor.lexicon().entries().forEach((service, entries) ->
                    entries.forEach(entry -> lines.append(service).append('\t').append(entry).append('\n')));
            zip.putNextEntry(new ZipEntry(LEXICON));
            zip.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static void writeModel(ZipOutputStream zip, String name, MaxentModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new GenericModelWriter((AbstractModel) model, new DataOutputStream(bytes)).persist();
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes.toByteArray());
        zip.closeEntry();
    }

    static ClassifierModel read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        if (!entries.containsKey(META) || !entries.containsKey(SERVICE)) {
            throw new IOException("not a servicedesk classifier model (missing " + META + " or " + SERVICE + ")");
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(entries.get(META), StandardCharsets.UTF_8)));
        Map<String, String> meta = new TreeMap<>();
        properties.forEach((k, v) -> meta.put(k.toString(), v.toString()));
        int format = Integer.parseInt(meta.getOrDefault("format", "0"));
        if (format != FORMAT_VERSION) {
            throw new IOException("unsupported model format " + format + ", expected " + FORMAT_VERSION);
        }
        DecisionPolicy policy = new DecisionPolicy(
                Double.parseDouble(meta.get("policy.temperature")),
                Double.parseDouble(meta.get("policy.threshold")),
                Double.parseDouble(meta.get("policy.noItThreshold")),
                Double.parseDouble(meta.get("policy.securityFloor")),
                Double.parseDouble(meta.get("policy.securityThreshold")),
                Double.parseDouble(meta.get("policy.ruleConfidence")));
        MaxentModel languageModel = entries.containsKey(LANGUAGE) ? readModel(entries.get(LANGUAGE)) : null;
        LanguageDetector detector = new LanguageDetector(
                LanguageDetector.Method.valueOf(meta.get("language.method")), languageModel);
        Map<String, String> info = new LinkedHashMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith("info.")) {
                info.put(k.substring("info.".length()), v);
            }
        });
        FeatureConfig features = FeatureConfig.fromProperties(meta);
        CompoundSplitter splitter = null;
        if (features.compounds()) {
            if (!entries.containsKey(VOCABULARY)) {
                throw new IOException("model uses compound splitting but has no " + VOCABULARY);
            }
            splitter = new CompoundSplitter(List.of(new String(entries.get(VOCABULARY), StandardCharsets.UTF_8).split("\n")));
        }
        Lexicon lexicon = null;
        if (features.lexicon()) {
            if (!entries.containsKey(LEXICON)) {
                throw new IOException("model uses lexicon features but has no " + LEXICON);
            }
            Map<String, java.util.Set<String>> lexiconEntries = new TreeMap<>();
            for (String line : new String(entries.get(LEXICON), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t", 2);
                if (cols.length == 2) {
                    lexiconEntries.computeIfAbsent(cols[0], k -> new java.util.TreeSet<>()).add(cols[1]);
                }
            }
            lexicon = new Lexicon(lexiconEntries);
        }
        return new ClassifierModel(new FeatureExtractor(features, FeatureExtractor.SIMPLE, splitter, lexicon),
                readModel(entries.get(SERVICE)),
                entries.containsKey(TYPE) ? readModel(entries.get(TYPE)) : null,
                detector, policy, meta.get("catalog.fingerprint"), info);
    }

    private static MaxentModel readModel(byte[] bytes) throws IOException {
        return new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes))).getModel();
    }
}
