package de.schulit.servicedesk.nlp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import opennlp.tools.ml.model.MaxentModel;

/**
 * Tells German from English, the only two languages the bot answers in. Short messages ("Drucker kaputt",
 * "printer broken") defeat general-purpose detectors, so the decision rests on function words that exist
 * in only one of the two languages, and, when they are silent, on a small OpenNLP model trained on the
 * corpus' language column (character n-grams). German wins ties: it is the desk's language.
 */
final class LanguageDetector {

    static final String GERMAN = "de";
    static final String ENGLISH = "en";

    private static final Set<String> ENGLISH_WORDS = Set.copyOf(List.of(
            "the", "is", "are", "my", "our", "your", "not", "doesn", "don", "isn", "won", "cannot", "can",
            "please", "with", "and", "of", "to", "it", "this", "that", "we", "you", "i", "have", "has",
            "does", "do", "for", "on", "at", "how", "what", "where", "need", "help", "there", "be", "been",
            "were", "since", "after", "again", "anymore", "when", "why", "who", "which", "would", "could",
            "should", "get", "got", "any", "all", "working", "broken", "new", "some", "from", "into",
            "hello", "thanks", "thank", "today", "yesterday", "room", "teacher", "teachers", "students",
            // English-only words of short fault reports ("printer jammed", "wifi down", "no internet")
            "no", "down", "jammed", "jam", "frozen", "freezes", "stuck", "slow", "dead", "crashed", "crashes",
            "printer", "printers", "projector", "keyboard", "screen", "network", "classroom", "lab", "office",
            "staff", "password", "forgot", "locked", "phone", "shows", "says", "keeps", "stopped", "off",
            "missing", "wireless", "ink", "paper", "trolley", "cart", "charging", "charge", "sound", "speaker",
            "speakers", "error", "issue", "problem", "problems", "fix", "login", "log", "sign", "out"));
    private static final Set<String> GERMAN_WORDS = Set.copyOf(List.of(
            "der", "die", "das", "und", "ist", "nicht", "ich", "wir", "ein", "eine", "einen", "mit", "auf",
            "bei", "im", "kein", "keine", "keinen", "geht", "bitte", "sind", "haben", "habe", "es", "den",
            "dem", "von", "zu", "fuer", "noch", "auch", "wie", "kann", "koennen", "seit", "mehr", "funktioniert",
            "mein", "meine", "unser", "unsere", "hallo", "danke", "heute", "morgen", "schon", "wieder",
            "brauchen", "brauche", "sich", "uns", "mir", "mich", "leider", "kaputt", "neue", "neuen", "raum",
            "klasse", "gibt", "ob", "wer", "wo", "warum", "oder", "aber", "nur", "vom", "zum", "zur", "ueber",
            // German-only words of short fault reports ("Drucker defekt", "Passwort vergessen")
            "drucker", "defekt", "passwort", "vergessen", "klemmt", "laedt", "startet", "gesperrt", "bildschirm",
            "tafel", "papierstau", "ausgefallen", "langsam", "hilfe", "dringend", "schueler", "lehrer",
            "kollege", "kollegin", "geht's", "gehts", "nix", "nichts", "immer", "ganze", "alle", "neu"));

    enum Method { FUNCTION_WORDS, MODEL, COMBINED }

    private final Method method;
    private final MaxentModel model;

    LanguageDetector(Method method, MaxentModel model) {
        if (method != Method.FUNCTION_WORDS && model == null) {
            throw new IllegalArgumentException(method + " needs a trained language model");
        }
        this.method = method;
        this.model = model;
    }

    Method method() {
        return method;
    }

    MaxentModel model() {
        return model;
    }

    String detect(List<String> tokens) {
        return switch (method) {
            case FUNCTION_WORDS -> {
                int score = functionWordScore(tokens);
                yield score > 0 ? ENGLISH : GERMAN;
            }
            case MODEL -> byModel(tokens);
            case COMBINED -> {
                int score = functionWordScore(tokens);
                yield score > 0 ? ENGLISH : score < 0 ? GERMAN : byModel(tokens);
            }
        };
    }

    /** Positive when English function words outnumber German ones. */
    static int functionWordScore(List<String> tokens) {
        int score = 0;
        for (String token : tokens) {
            if (ENGLISH_WORDS.contains(token)) {
                score++;
            }
            if (GERMAN_WORDS.contains(token)) {
                score--;
            }
        }
        return score;
    }

    private String byModel(List<String> tokens) {
        if (tokens.isEmpty()) {
            return GERMAN;
        }
        double[] p = model.eval(features(tokens));
        int en = model.getIndex(ENGLISH);
        return en >= 0 && p[en] > 0.5 ? ENGLISH : GERMAN;
    }

    /** Character 1-3-grams and words: the language model's features. */
    static String[] features(List<String> tokens) {
        Set<String> features = new LinkedHashSet<>();
        for (String token : tokens) {
            if (TextNormalizer.isPlaceholder(token)) {
                continue;
            }
            features.add("w=" + token);
            String padded = " " + token + " ";
            for (int n = 1; n <= 3; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    features.add(padded.substring(i, i + n));
                }
            }
        }
        if (features.isEmpty()) {
            features.add("empty");
        }
        return features.toArray(new String[0]);
    }
}
