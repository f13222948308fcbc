package de.schulit.servicedesk.nlp;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The service catalog's training phrases: per service id, its synonyms followed by its example messages
 * (the same map {@code ServiceCatalog.examplePhrases()} hands to the classifier).
 */
final class CatalogExamples {

    private CatalogExamples() {
    }

    /** Reads {@code services[].id}, {@code .synonyms} and {@code .examples} from a catalog.yml; nothing else. */
    static Map<String, List<String>> read(Path catalogYml) {
        try (Reader reader = Files.newBufferedReader(catalogYml, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, List<String>> phrases = new LinkedHashMap<>();
            if (!(root instanceof Map<?, ?> map) || !(map.get("services") instanceof List<?> services)) {
                throw new IllegalArgumentException(catalogYml + ": no 'services' list");
            }
            for (Object entry : services) {
                if (entry instanceof Map<?, ?> service && service.get("id") != null) {
                    List<String> list = new ArrayList<>();
                    addStrings(service.get("synonyms"), list);
                    addStrings(service.get("examples"), list);
                    phrases.put(service.get("id").toString(), list);
                }
            }
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + catalogYml, e);
        }
    }

    private static void addStrings(Object value, List<String> target) {
        if (value instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).map(Object::toString).forEach(target::add);
        }
    }

    /**
     * The catalog phrases in a canonical form: services sorted by id, phrases trimmed, inner whitespace
     * collapsed, blanks and duplicates dropped, sorted; services without phrases dropped.
     */
    static SortedMap<String, TreeSet<String>> canonical(Map<String, List<String>> catalogExamples) {
        SortedMap<String, TreeSet<String>> canonical = new TreeMap<>();
        if (catalogExamples == null) {
            return canonical;
        }
        catalogExamples.forEach((id, phrases) -> {
            if (id == null || id.isBlank() || phrases == null) {
                return;
            }
            TreeSet<String> set = new TreeSet<>();
            for (String phrase : phrases) {
                if (phrase != null && !phrase.isBlank()) {
                    set.add(phrase.strip().replaceAll("\\s+", " "));
                }
            }
            if (!set.isEmpty()) {
                canonical.computeIfAbsent(id.strip(), k -> new TreeSet<>()).addAll(set);
            }
        });
        return canonical;
    }

    /** SHA-256 over the canonical form: independent of map and list order, blanks and duplicates. */
    static String fingerprint(Map<String, List<String>> catalogExamples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            canonical(catalogExamples).forEach((id, phrases) -> {
                digest.update(("service\u0000" + id + "\u0000").getBytes(StandardCharsets.UTF_8));
                phrases.forEach(p -> digest.update(("phrase\u0000" + p + "\u0000").getBytes(StandardCharsets.UTF_8)));
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The phrases as training texts (no request type, language unknown). */
    static List<LabeledText> asTrainingTexts(Map<String, List<String>> catalogExamples) {
        List<LabeledText> texts = new ArrayList<>();
        canonical(catalogExamples).forEach((id, phrases) ->
                phrases.forEach(p -> texts.add(new LabeledText(id, null, null, p))));
        return texts;
    }
}
