package de.schulit.servicedesk.nlp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a chat message into lower-case ASCII words separated by single spaces.
 *
 * <p>Umlauts and ß are transliterated (ä -> ae, ß -> ss), so "Drucker prueft" and "Drücker prüft" meet
 * in the same spelling; other accents are dropped. URLs, e-mail addresses, times, dates, room codes
 * (2.14, A104) and other numbers become placeholder words ({@link #URL}, ...), because their exact value
 * says nothing about the service. A question mark becomes {@link #QUESTION}, a cue for the request type.
 * Placeholders start with "zz" so that the feature extractor can recognise them.
 */
final class TextNormalizer {

    static final String PLACEHOLDER_PREFIX = "zz";
    static final String URL = "zzurl";
    static final String MAIL = "zzmail";
    static final String TIME = "zztime";
    static final String DATE = "zzdate";
    static final String ROOM = "zzroom";
    static final String NUMBER = "zznum";
    static final String QUESTION = "zzquest";

    private static final Pattern URL_PATTERN =
            Pattern.compile("(?:https?://|www\\.)([^\\s/?#]+)[^\\s]*");
    private static final Pattern MAIL_PATTERN =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern SPELLING_VARIANTS =
            Pattern.compile("\\be[\\s-]mail|\\bw[\\s-]lan\\b|\\bwi[\\s-]fi\\b|\\bpc[\\s-]raum\\b|\\bit[\\s-]raum\\b");
    private static final Pattern TIME_PATTERN =
            Pattern.compile("\\b\\d{1,2}[:.]\\d{2}\\s*uhr\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}\\s*uhr\\b");
    private static final Pattern DATE_PATTERN =
            Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})?(?!\\d)");
    private static final Pattern ROOM_PATTERN =
            Pattern.compile("\\b[a-h]-?\\d{3}\\b|\\b[a-h]?\\d{1,2}\\.\\d{1,3}\\b");
    private static final Pattern NUMBER_PATTERN = Pattern.compile("\\b\\d+(?:[.,]\\d+)*\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LETTER_RUNS = Pattern.compile("([a-z])\\1{2,}");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN);
        // the guards skip patterns that cannot match: most messages have no URL, address or digit
        if (s.contains("http") || s.contains("www.")) {
            s = replaceUrls(s);
        }
        if (s.indexOf('@') >= 0) {
            s = MAIL_PATTERN.matcher(s).replaceAll(" " + MAIL + " ");
        }
        s = transliterate(s);
        s = LETTER_RUNS.matcher(s).replaceAll("$1$1");
        s = replaceSpellingVariants(s);
        if (containsDigit(s)) {
            s = TIME_PATTERN.matcher(s).replaceAll(" " + TIME + " ");
            s = DATE_PATTERN.matcher(s).replaceAll(" " + DATE + " ");
            s = ROOM_PATTERN.matcher(s).replaceAll(" " + ROOM + " ");
            s = NUMBER_PATTERN.matcher(s).replaceAll(" " + NUMBER + " ");
        }
        s = s.replace("?", " " + QUESTION + " ");
        s = NON_WORD.matcher(s).replaceAll(" ");
        return s.strip();
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static String transliterate(String lowerCase) {
        StringBuilder out = new StringBuilder(lowerCase.length() + 8);
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = lowerCase.charAt(i);
            switch (c) {
                case 'ä' -> out.append("ae");
                case 'ö' -> out.append("oe");
                case 'ü' -> out.append("ue");
                case 'ß' -> out.append("ss");
                default -> out.append(c);
            }
        }
        String s = out.toString();
        if (s.chars().allMatch(ch -> ch < 128)) {
            return s;
        }
        return ACCENTS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Keeps the host's words of a URL (a phishing domain is telling), drops the rest. */
    private static String replaceUrls(String s) {
        Matcher m = URL_PATTERN.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        do {
            String host = m.group(1).replaceFirst("^www\\.", "");
            int lastDot = host.lastIndexOf('.');
            String hostWords = lastDot > 0 ? host.substring(0, lastDot) : host;
            m.appendReplacement(out, Matcher.quoteReplacement(" " + URL + " " + hostWords.replace('.', ' ') + " "));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String replaceSpellingVariants(String s) {
        Matcher m = SPELLING_VARIANTS.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, m.group().replaceAll("[\\s-]", ""));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    static boolean isPlaceholder(String token) {
        return token.startsWith(PLACEHOLDER_PREFIX) && token.length() > 3;
    }
}
