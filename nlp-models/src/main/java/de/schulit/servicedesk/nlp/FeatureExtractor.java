package de.schulit.servicedesk.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Turns a message into the feature strings the OpenNLP models are trained on: stemmed words ("w="), word
 * bigrams ("b=") and character n-grams ("c=") that let German compounds and typos share evidence
 * ("Druckerpatrone" / "Drukerpatrone" / "Patrone"). Thread-safe.
 */
final class FeatureExtractor {

    /** Splits a raw message into normalised tokens. */
    interface Tokenization {
        List<String> tokens(String rawText);
    }

    /** The default tokenization: {@link TextNormalizer} and a split at spaces. */
    static final Tokenization SIMPLE = raw -> {
        String normalized = TextNormalizer.normalize(raw);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    };

    static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // German (transliterated); negations, question words, "seit", "wieder", "mehr" stay: they carry meaning
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
            "und", "oder", "aber", "auch", "noch", "schon", "so", "da", "dann", "wenn", "weil", "dass",
            "als", "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "mich", "mir", "dich", "dir", "uns",
            "euch", "sich", "mein", "meine", "meinen", "meinem", "meiner", "meines", "unser", "unsere",
            "unseren", "unserem", "unserer", "dein", "deine", "ist", "sind", "war", "waren", "bin", "bist",
            "sein", "hat", "haben", "habe", "hast", "hatte", "hatten", "wird", "werden", "wurde", "wurden",
            "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur",
            "fuer", "ueber", "unter", "vor", "um", "bis", "ja", "nur", "mal", "eben", "doch", "halt",
            "denn", "gerade", "sehr", "jetzt", "hier", "dort", "ob",
            // English
            "the", "a", "an", "and", "or", "but", "i", "you", "he", "she", "it", "we", "they", "me", "my",
            "our", "your", "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "will",
            "would", "to", "of", "on", "at", "for", "with", "from", "by", "this", "that", "these",
            "those", "there", "here", "so", "do", "does", "did", "its", "just"));

    private static final ThreadLocal<SnowballStemmer> GERMAN =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.GERMAN));
    private static final ThreadLocal<SnowballStemmer> ENGLISH =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    private final FeatureConfig config;
    private final Tokenization tokenization;
    private final CompoundSplitter splitter;
    private final Lexicon lexicon;

    FeatureExtractor(FeatureConfig config) {
        this(config, SIMPLE, null, null);
    }

    /**
     * @param splitter compound splitter, required when {@code config.compounds()}; otherwise ignored
     * @param lexicon  synonym lexicon, required when {@code config.lexicon()}; otherwise ignored
     */
    FeatureExtractor(FeatureConfig config, Tokenization tokenization, CompoundSplitter splitter, Lexicon lexicon) {
        if (config.compounds() && splitter == null) {
            throw new IllegalArgumentException("compound features need a compound splitter");
        }
        if (config.lexicon() && lexicon == null) {
            throw new IllegalArgumentException("lexicon features need a lexicon");
        }
        this.config = config;
        this.tokenization = tokenization;
        this.splitter = config.compounds() ? splitter : null;
        this.lexicon = config.lexicon() ? lexicon : null;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    FeatureConfig config() {
        return config;
    }

    CompoundSplitter splitter() {
        return splitter;
    }

    List<String> tokens(String rawText) {
        return tokenization.tokens(rawText);
    }

    /** Features of a message already split into tokens; {@code language} picks the stemmer. */
    Features extract(List<String> tokens, String language) {
        List<String> words = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!config.stopWords() || !STOP_WORDS.contains(token)) {
                words.add(token);
            }
        }
        Set<String> features = new LinkedHashSet<>();
        List<String> stems = new ArrayList<>(words.size());
        for (String word : words) {
            String stem = stem(word, language);
            stems.add(stem);
            features.add("w=" + stem);
            if (splitter != null) {
                for (String part : splitter.split(word)) {
                    features.add("w=" + stem(part, language));
                }
            }
        }
        List<String> lexiconInput = stems;
        if (config.glossary()) {
            lexiconInput = new ArrayList<>(stems);
            for (String word : words) {
                String german = Glossary.german(word);
                if (german != null) {
                    String stem = stem(german, LanguageDetector.GERMAN);
                    features.add("w=" + stem);
                    lexiconInput.add(stem);
                }
            }
        }
        if (lexicon != null) {
            Set<String> services = lexicon.match(lexiconInput);
            for (String service : services) {
                features.add("syn=" + service);
            }
            if (config.procurement()) {
                addProcurementFeatures(tokens, services, features);
            }
            if (config.faultCues() && hasFaultCue(tokens)) {
                features.add("fault");
                for (String service : services) {
                    features.add("fault=" + service);
                }
            }
        }
        if (config.bigrams()) {
            for (int i = 0; i + 1 < stems.size(); i++) {
                features.add("b=" + stems.get(i) + "_" + stems.get(i + 1));
            }
        }
        if (config.charMin() > 0) {
            if (config.charAcross()) {
                StringBuilder all = new StringBuilder(" ");
                for (String word : words) {
                    if (!TextNormalizer.isPlaceholder(word)) {
                        all.append(word).append(' ');
                    }
                }
                addCharNgrams(all.toString(), features);
            } else {
                for (String word : words) {
                    if (!TextNormalizer.isPlaceholder(word)) {
                        addCharNgrams(" " + word + " ", features);
                    }
                }
            }
        }
        if (features.isEmpty()) {
            features.add("empty");
        }
        String[] context = features.toArray(new String[0]);
        float[] values = new float[context.length];
        Arrays.fill(values, config.scaleValues() ? (float) (1.0 / Math.sqrt(context.length)) : 1f);
        return new Features(context, values);
    }

    Features extract(String rawText, String language) {
        return extract(tokens(rawText), language);
    }

    /**
     * Words that announce a need for equipment rather than a fault (prefixes of normalised words): new,
     * additional, second, to order, buy, apply for, equip, replace, dispose of, move.
     */
    static final List<String> PROCUREMENT_CUES = List.of(
            "neu", "zusaetzlich", "weitere", "zweite", "anschaff", "beschaff", "bestell", "kauf", "beantrag",
            "ausstatt", "ausstatten", "austausch", "ersetz", "aussonder", "ausgemustert", "entsorg", "abhol",
            "umzug", "umzieh", "angebot", "bedarf", "brauch", "braeucht", "benoetig",
            "new", "additional", "another", "second", "more", "order", "buy", "purchas", "replac", "dispos",
            "need", "moving");

    /**
     * With a procurement cue or a quantity ("30 iPads"), the services the lexicon recognises also count as
     * "proc=service": a linear model cannot otherwise tell "neuer Beamer" (beschaffung) from "Beamer kaputt"
     * (praesentation), since both carry the Beamer's evidence. Whether the message names a whole device or only
     * a part, consumable or extension adds "proc_device" or "proc_part"; a part ("neue Stifte für die Tablets")
     * stays with its service by the corpus convention, so it gets no "proc=service".
     */
    private static void addProcurementFeatures(List<String> tokens, Set<String> services, Set<String> features) {
        boolean cue = false;
        for (int i = 0; i < tokens.size() && !cue; i++) {
            String token = tokens.get(i);
            if (TextNormalizer.NUMBER.equals(token) && i + 1 < tokens.size() && isCountedNoun(tokens.get(i + 1))
                    && (i == 0 || !NUMBERED_PLACES.contains(tokens.get(i - 1)))) {
                cue = true;
            }
            for (String prefix : PROCUREMENT_CUES) {
                if (token.startsWith(prefix)) {
                    cue = true;
                    break;
                }
            }
        }
        if (cue) {
            features.add("proc");
            String kind = equipmentKind(tokens);
            if (kind != null) {
                features.add("proc_" + kind);
            }
            if (!"part".equals(kind)) {
                for (String service : services) {
                    features.add("proc=" + service);
                }
            }
        }
    }

    /** Single words that report a malfunction (prefixes of normalised words). */
    static final List<String> FAULT_WORDS = List.of("kaputt", "kaput", "defekt", "spinnt", "streikt", "stuerzt",
            "abgestuerzt", "absturz", "ausgefallen", "haengt", "flacker", "klemmt", "fehlermeld", "papierstau",
            "broken", "broke", "crash", "frozen", "freez", "jammed", "stuck", "fail", "faulty");
    /** Short words that report a malfunction only as whole words ("Telefon tot", not "total"). */
    static final Set<String> FAULT_WHOLE_WORDS = Set.of("tot", "dead");
    /** Verbs that, near a negation, report a malfunction ("geht nicht", "startet nicht mehr", "won't turn on"). */
    static final Set<String> FAULT_VERBS = Set.of("geht", "gehen", "ging", "funktioniert", "funktionieren", "funzt",
            "startet", "starten", "reagiert", "reagieren", "laeuft", "laufen", "druckt", "drucken", "laedt", "laden",
            "zeigt", "klappt", "verbindet", "erkennt", "faehrt", "tut", "works", "work", "working", "turn", "turns",
            "load", "loads", "connect", "connects", "start", "starts", "print", "prints", "respond", "responding");
    static final Set<String> NEGATIONS = Set.of("nicht", "nich", "nix", "not", "doesn", "isn", "won", "cant",
            "cannot", "didn", "aren", "wont", "dont", "doesnt", "isnt");
    /** After "kein"/"no": what is missing when something is broken ("kein Bild", "no signal"). */
    static final Set<String> MISSING_THINGS = Set.of("bild", "ton", "signal", "netz", "internet", "verbindung",
            "empfang", "strom", "freizeichen", "zugriff", "picture", "sound", "connection", "dial", "power",
            "network", "access");

    static boolean hasFaultCue(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (FAULT_WHOLE_WORDS.contains(token)) {
                return true;
            }
            for (String prefix : FAULT_WORDS) {
                if (token.startsWith(prefix)) {
                    return true;
                }
            }
            if (NEGATIONS.contains(token)) {
                for (int j = Math.max(0, i - 3); j <= Math.min(tokens.size() - 1, i + 3); j++) {
                    if (FAULT_VERBS.contains(tokens.get(j))) {
                        return true;
                    }
                }
            }
            if ((token.startsWith("kein") || token.equals("no")) && i + 1 < tokens.size()
                    && MISSING_THINGS.contains(tokens.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Heads of German compounds and English nouns that name a whole device (beschaffung when new). */
    static final List<String> DEVICE_HEADS = List.of("drucker", "kopierer", "multifunktionsgeraet", "beamer",
            "projektor", "projector", "printer", "copier", "telefon", "phone", "pc", "rechner", "computer", "laptop",
            "notebook", "ipad", "tablet", "display", "board", "server", "kamera", "camera", "geraet", "device", "fax",
            "ladewagen", "ladekoffer", "wagen", "cart");
    /**
     * Heads that name a part, consumable or accessory of a device, or an extension of a service's
     * infrastructure (these stay with the device's service).
     */
    static final List<String> PART_HEADS = List.of("toner", "patrone", "kartusche", "papier", "paper", "stift",
            "pencil", "pen", "kabel", "cable", "adapter", "headset", "maus", "mouse", "tastatur", "keyboard",
            "netzteil", "akku", "battery", "lampe", "lamp", "huelle", "case", "cover", "fernbedienung", "remote",
            "mikrofon", "microphone", "monitor", "bildschirm", "screen", "lizenz", "licence", "license", "konto",
            "zugang", "account", "dose", "buchse", "socket", "anschluss", "accesspoint", "speicher", "storage",
            "erweiterung", "bandbreite", "bandwidth", "klammer", "karte", "card");

    /** "device" or "part" when the message names only one kind of equipment, null otherwise. */
    static String equipmentKind(List<String> tokens) {
        boolean device = false;
        boolean part = false;
        for (String token : tokens) {
            if (namesAny(token, PART_HEADS)) {
                part = true;
            } else if (namesAny(token, DEVICE_HEADS)) {
                device = true;
            }
        }
        return device == part ? null : device ? "device" : "part";
    }

    /** Whether the word, or the word without a plural ending, ends with one of the heads (short heads: equals). */
    private static boolean namesAny(String word, List<String> heads) {
        for (int cut = 0; cut <= 2 && cut < word.length(); cut++) {
            String stem = word.substring(0, word.length() - cut);
            for (String head : heads) {
                if (head.length() <= 3 ? stem.equals(head) : stem.endsWith(head)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words before a number that name a place or a group, not a quantity ("Raum 12 ist kalt", "room 12 is"). */
    private static final Set<String> NUMBERED_PLACES = Set.of("raum", "room", "zimmer", "nr", "nummer", "haus",
            "gebaeude", "building", "trakt", "etage", "stock", "klasse", "class", "jahrgang", "stufe", "year", "grade",
            "stunde", "seite", "version", "windows", "ios");

    private static boolean isCountedNoun(String token) {
        return !TextNormalizer.isPlaceholder(token) && !STOP_WORDS.contains(token);
    }

    private void addCharNgrams(String padded, Set<String> features) {
        char[] chars = padded.toCharArray();
        char[] gram = new char[2 + config.charMax()];
        gram[0] = 'c';
        gram[1] = '=';
        for (int n = config.charMin(); n <= config.charMax(); n++) {
            for (int i = 0; i + n <= chars.length; i++) {
                if (n == 1 && chars[i] == ' ') {
                    continue;
                }
                System.arraycopy(chars, i, gram, 2, n);
                features.add(new String(gram, 0, n + 2));
            }
        }
    }

    /** The word's stem, or the word itself when stemming is off, the word is short or a placeholder. */
    String stem(String word, String language) {
        if (!config.stemming() || TextNormalizer.isPlaceholder(word) || word.length() < 4) {
            return word;
        }
        SnowballStemmer stemmer = "en".equals(language) ? ENGLISH.get() : GERMAN.get();
        return stemmer.stem(word).toString();
    }

    /** Feature strings with their values, ready for an OpenNLP {@code MaxentModel}. */
    record Features(String[] context, float[] values) {
    }
}
