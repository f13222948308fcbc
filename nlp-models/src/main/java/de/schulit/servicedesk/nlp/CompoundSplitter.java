package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits German compounds into words of a known vocabulary: "lehrerlaufwerk" -> "lehrer", "laufwerk";
 * "verwaltungsnetz" -> "verwaltung", "netz" (linking "s"). The vocabulary is the training corpus' words, so
 * a compound never seen in training still shares evidence with its parts. Immutable and thread-safe.
 */
final class CompoundSplitter {

    static final int MIN_PART = 4;
    private static final String[] LINKS = {"", "s", "es", "n", "en", "e"};

    private final Set<String> vocabulary;

    CompoundSplitter(Collection<String> vocabulary) {
        this.vocabulary = Set.copyOf(vocabulary);
    }

    /** Words of at least {@link #MIN_PART} letters that occur at least {@code minCount} times. */
    static CompoundSplitter fromTokens(Collection<? extends Collection<String>> tokenLists, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (Collection<String> tokens : tokenLists) {
            for (String token : tokens) {
                if (token.length() >= MIN_PART && !TextNormalizer.isPlaceholder(token)
                        && token.chars().allMatch(Character::isLetter)) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>();
        counts.forEach((word, count) -> {
            if (count >= minCount) {
                words.add(word);
            }
        });
        return new CompoundSplitter(words);
    }

    Set<String> vocabulary() {
        return new TreeSet<>(vocabulary);
    }

    /** The parts of a compound (at least two), or an empty list when the word does not split. */
    List<String> split(String word) {
        if (word.length() < 2 * MIN_PART) {
            return List.of();
        }
        List<String> best = List.of();
        // prefer the longest last part: in German the last part carries the meaning
        for (int i = MIN_PART; i <= word.length() - MIN_PART; i++) {
            String head = word.substring(0, i);
            if (!vocabulary.contains(head)) {
                continue;
            }
            for (String link : LINKS) {
                int tailStart = i + link.length();
                if (!word.startsWith(link, i) || word.length() - tailStart < MIN_PART) {
                    continue;
                }
                String tail = word.substring(tailStart);
                List<String> parts;
                if (vocabulary.contains(tail)) {
                    parts = List.of(head, tail);
                } else {
                    List<String> rest = split(tail);
                    if (rest.isEmpty()) {
                        continue;
                    }
                    parts = new ArrayList<>();
                    parts.add(head);
                    parts.addAll(rest);
                }
                if (best.isEmpty() || lastLength(parts) > lastLength(best)) {
                    best = parts;
                }
            }
        }
        return best;
    }

    private static int lastLength(List<String> parts) {
        return parts.get(parts.size() - 1).length();
    }
}
