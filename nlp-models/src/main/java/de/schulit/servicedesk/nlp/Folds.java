package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/** Stratified k-fold assignment: every label is spread evenly over the folds. Deterministic for a seed. */
final class Folds {

    private Folds() {
    }

    /** The fold (0..k-1) of each item, in the items' order. */
    static <T> int[] assign(List<T> items, Function<T, String> label, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            byLabel.computeIfAbsent(label.apply(items.get(i)), l -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[items.size()];
        int next = 0;
        for (List<Integer> indexes : byLabel.values()) {
            Collections.shuffle(indexes, random);
            for (int index : indexes) {
                fold[index] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }
}
