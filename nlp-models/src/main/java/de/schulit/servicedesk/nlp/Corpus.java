package de.schulit.servicedesk.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the corpus files.
 *
 * <p>Training: one file per label, {@code <label>.tsv}, each line {@code requestType<TAB>lang<TAB>text}
 * ({@code -} as request type for {@code kein_it}). Held-out: one file, each line
 * {@code service<TAB>requestType<TAB>lang<TAB>text}. Blank lines and lines starting with {@code #} are skipped.
 */
final class Corpus {

    /** Where the training corpus lives on the classpath (it ships in the jar for retraining). */
    static final String CLASSPATH_DIR = "corpus/train";
    /** Name of the index of label files the build writes next to the bundled corpus. */
    static final String INDEX = "INDEX";

    private Corpus() {
    }

    static List<LabeledText> readTrainingDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tsv = files.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
            if (tsv.isEmpty()) {
                throw new IllegalArgumentException("no <label>.tsv files in " + dir);
            }
            List<LabeledText> all = new ArrayList<>();
            for (Path file : tsv) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.addAll(readLabelFile(label(file.getFileName().toString()), in, file.toString()));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read training corpus " + dir, e);
        }
    }

    /**
     * The training corpus bundled on the classpath. The build writes an index of the label files
     * ({@link #INDEX}), so the corpus is found inside any jar, a Spring Boot fat jar included; without the index
     * (running from an IDE) the classpath directory is listed.
     */
    static List<LabeledText> readBundled() {
        ClassLoader loader = Corpus.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(CLASSPATH_DIR + "/" + INDEX)) {
            if (index != null) {
                List<LabeledText> all = new ArrayList<>();
                for (String file : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (file.isBlank()) {
                        continue;
                    }
                    String resource = CLASSPATH_DIR + "/" + file.strip();
                    try (InputStream in = loader.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("corpus index names " + resource + ", which is missing");
                        }
                        all.addAll(readLabelFile(label(file.strip()), in, resource));
                    }
                }
                return all;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled training corpus", e);
        }
        URL url = loader.getResource(CLASSPATH_DIR);
        if (url == null) {
            throw new IllegalStateException("training corpus " + CLASSPATH_DIR + " not found on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return readTrainingDirectory(fs.provider().getPath(uri));
            }
            return readTrainingDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open bundled training corpus " + url, e);
        }
    }

    /** Writes the index of the label files of a training directory (one file name per line). */
    static void writeIndex(Path trainDir, Path indexFile) throws IOException {
        try (Stream<Path> files = Files.list(trainDir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).sorted().toList();
            if (indexFile.getParent() != null) {
                Files.createDirectories(indexFile.getParent());
            }
            Files.writeString(indexFile, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static String label(String fileName) {
        return fileName.substring(0, fileName.length() - ".tsv".length());
    }

    static List<LabeledText> readHeldOut(Path file) {
        List<LabeledText> all = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (skip(line)) {
                    continue;
                }
                String[] cols = line.split("\t", 4);
                if (cols.length < 4) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected 4 tab-separated columns");
                }
                all.add(new LabeledText(cols[0].strip(), requestType(cols[1]), language(cols[2]), cols[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read held-out file " + file, e);
        }
        return all;
    }

    private static List<LabeledText> readLabelFile(String label, InputStream in, String source) throws IOException {
        List<LabeledText> texts = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (skip(line)) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            if (cols.length < 3) {
                throw new IllegalArgumentException(source + ":" + number + ": expected 3 tab-separated columns");
            }
            String type = Labels.NO_IT.equals(label) ? null : requestType(cols[0]);
            texts.add(new LabeledText(label, type, language(cols[1]), cols[2].strip()));
        }
        return texts;
    }

    private static boolean skip(String line) {
        return line.isBlank() || line.startsWith("#");
    }

    private static String requestType(String column) {
        String value = column.strip();
        return Labels.isRequestType(value) ? value : null;
    }

    private static String language(String column) {
        String value = column.strip();
        return value.isEmpty() || "-".equals(value) ? null : value;
    }
}
