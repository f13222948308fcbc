package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The catalog's synonyms as a lexicon: short catalog phrases (at most {@link #MAX_WORDS} content words) are
 * stemmed entries of their service. A message that contains an entry gets the feature "syn=&lt;service&gt;", so
 * every synonym the operator adds shares the weight the model learned for the service's other synonyms.
 * Single-word entries of at least {@link #MIN_AFFIX} letters also match as the start or end of a compound
 * ("Drucker" in "Farbdrucker", "Beamer" in "Beamerlampe"). Immutable and thread-safe.
 */
final class Lexicon {

    static final int MAX_WORDS = 2;
    static final int MIN_AFFIX = 4;

    /** service -> entries, each entry a space-separated sequence of stems. */
    private final Map<String, Set<String>> entries;
    /** Lookup structures over the entries: exact single words, first and last {@link #MIN_AFFIX} letters, first word. */
    private final Map<String, List<Entry>> exact = new HashMap<>();
    private final Map<String, List<Entry>> byPrefix = new HashMap<>();
    private final Map<String, List<Entry>> bySuffix = new HashMap<>();
    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();

    private record Entry(String service, String[] stems) {
    }

    Lexicon(Map<String, ? extends Set<String>> entries) {
        Map<String, Set<String>> copy = new TreeMap<>();
        entries.forEach((service, set) -> copy.put(service, new TreeSet<>(set)));
        this.entries = copy;
        copy.forEach((service, set) -> set.forEach(text -> {
            Entry entry = new Entry(service, text.split(" "));
            if (entry.stems().length > 1) {
                byFirstWord.computeIfAbsent(entry.stems()[0], k -> new ArrayList<>()).add(entry);
                return;
            }
            String word = entry.stems()[0];
            exact.computeIfAbsent(word, k -> new ArrayList<>()).add(entry);
            if (word.length() >= MIN_AFFIX) {
                byPrefix.computeIfAbsent(word.substring(0, MIN_AFFIX), k -> new ArrayList<>()).add(entry);
                bySuffix.computeIfAbsent(word.substring(word.length() - MIN_AFFIX), k -> new ArrayList<>()).add(entry);
            }
        }));
    }

    /**
     * Builds the lexicon from catalog phrases: phrases of at most {@link #MAX_WORDS} content words, tokenised
     * and stemmed like messages.
     */
    static Lexicon fromPhrases(List<LabeledText> phrases, FeatureExtractor.Tokenization tokenization,
                               UnaryOperator<String> stemmer) {
        Map<String, Set<String>> entries = new TreeMap<>();
        for (LabeledText phrase : phrases) {
            List<String> words = tokenization.tokens(phrase.text()).stream()
                    .filter(t -> !FeatureExtractor.STOP_WORDS.contains(t) && !TextNormalizer.isPlaceholder(t))
                    .toList();
            if (!words.isEmpty() && words.size() <= MAX_WORDS) {
                entries.computeIfAbsent(phrase.service(), s -> new TreeSet<>())
                        .add(String.join(" ", words.stream().map(stemmer).toList()));
            }
        }
        return new Lexicon(entries);
    }

    Map<String, Set<String>> entries() {
        return entries;
    }

    /** Services whose entries occur in the given stems (the message's words, stemmed, in order). */
    Set<String> match(List<String> textStems) {
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < textStems.size(); i++) {
            String token = textStems.get(i);
            addAll(found, exact.get(token));
            if (token.length() > MIN_AFFIX) {
                for (Entry entry : byPrefix.getOrDefault(token.substring(0, MIN_AFFIX), List.of())) {
                    if (token.length() > entry.stems()[0].length() && token.startsWith(entry.stems()[0])) {
                        found.add(entry.service());
                    }
                }
                for (Entry entry : bySuffix.getOrDefault(token.substring(token.length() - MIN_AFFIX), List.of())) {
                    if (token.length() > entry.stems()[0].length() && token.endsWith(entry.stems()[0])) {
                        found.add(entry.service());
                    }
                }
            }
            for (Entry entry : byFirstWord.getOrDefault(token, List.of())) {
                if (startsAt(entry.stems(), textStems, i)) {
                    found.add(entry.service());
                }
            }
        }
        return found;
    }

    private static void addAll(Set<String> found, List<Entry> entries) {
        if (entries != null) {
            entries.forEach(e -> found.add(e.service()));
        }
    }

    private static boolean startsAt(String[] entry, List<String> text, int start) {
        if (start + entry.length > text.size()) {
            return false;
        }
        for (int j = 0; j < entry.length; j++) {
            if (!entry[j].equals(text.get(start + j))) {
                return false;
            }
        }
        return true;
    }
}
