package de.schulit.servicedesk.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Build step (Maven phase process-classes): trains the default model from the corpus and the shipped
 * catalog and writes it to {@code target/classes/models/service-classifier.bin}.
 *
 * <pre>ModelBuild --train &lt;dir&gt; --out &lt;model file&gt; [--catalog &lt;catalog.yml&gt;] [--index &lt;file&gt;] [--force]</pre>
 *
 * {@code --index} writes the list of corpus files next to the bundled corpus, so that retraining finds the
 * corpus inside any jar.
 *
 * Skips training when the model on disk was built from the same corpus, catalog and classifier classes.
 * A missing catalog is not an error (the model is then trained without catalog phrases and the bot
 * retrains at start-up once it sees its catalog).
 */
public final class ModelBuild {

    private ModelBuild() {
    }

    public static void main(String[] args) throws IOException {
        Path trainDir = null;
        Path catalogFile = null;
        Path out = null;
        Path index = null;
        boolean force = Boolean.getBoolean("nlp.model.force");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> trainDir = Path.of(args[++i]);
                case "--catalog" -> catalogFile = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--index" -> index = Path.of(args[++i]);
                case "--force" -> force = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (trainDir == null || out == null) {
            throw new IllegalArgumentException(
                    "usage: ModelBuild --train <dir> --out <model file> [--catalog <catalog.yml>] [--index <file>]");
        }
        if (index != null) {
            Corpus.writeIndex(trainDir, index);
        }
        boolean haveCatalog = catalogFile != null && Files.isRegularFile(catalogFile);
        String inputs = inputsHash(trainDir, haveCatalog ? catalogFile : null);
        if (!force && Files.isRegularFile(out) && inputs.equals(storedInputsHash(out))) {
            System.out.println("[nlp-models] classifier model is up to date: " + out);
            return;
        }
        if (!haveCatalog) {
            System.out.println("[nlp-models] WARNING: no catalog at " + catalogFile + "; training without catalog phrases");
        }
        long start = System.nanoTime();
        List<LabeledText> corpus = Corpus.readTrainingDirectory(trainDir);
        Map<String, List<String>> catalog = haveCatalog ? CatalogExamples.read(catalogFile) : Map.of();
        ClassifierModel model = new ModelTrainer(TrainerConfig.defaults()).train(corpus, catalog);
        model = model.withInfo("inputs", inputs);
        new ServiceClassifier(model).write(out);
        Map<String, String> info = model.info();
        System.out.printf(Locale.ROOT, "[nlp-models] trained classifier in %.1f s (%d corpus texts, %d catalog phrases, "
                        + "threshold %.2f) -> %s (%d kB)%n", (System.nanoTime() - start) / 1e9, corpus.size(),
                CatalogExamples.asTrainingTexts(catalog).size(), model.policy().threshold(), out, Files.size(out) / 1024);
        System.out.printf(Locale.ROOT, "[nlp-models] training ms: features %s, calibration %s, service model %s, "
                        + "request-type model %s%n", info.get("training.millis.features"),
                info.get("training.millis.calibration"), info.get("training.millis.service"),
                info.get("training.millis.requestType"));
    }

    /** SHA-256 over the corpus files, the catalog and the classifier's classes. */
    static String inputsHash(Path trainDir, Path catalogFile) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(trainDir)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        if (catalogFile != null) {
            digest.update(Files.readAllBytes(catalogFile));
        }
        Path classes = classesDirectory();
        if (classes != null) {
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path classesDirectory() {
        URL url = ModelBuild.class.getResource("ModelBuild.class");
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String storedInputsHash(Path model) {
        try (InputStream in = Files.newInputStream(model); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if ("model.properties".equals(entry.getName())) {
                    Properties properties = new Properties();
                    properties.load(new java.io.StringReader(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                    return properties.getProperty("info.inputs");
                }
            }
            return null;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return null;
        }
    }
}
