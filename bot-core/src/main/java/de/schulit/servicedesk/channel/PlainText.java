package de.schulit.servicedesk.channel;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What the desk keeps of a text from a person, on every way in (chats, agent API, the agents' room): NFC-normalised,
 * stripped, without control and format characters other than line breaks and tabs. NUL, bidi overrides and
 * zero-width characters can spoof what a requester or agent reads, and PostgreSQL cannot store NUL.
 */
public final class PlainText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

    private PlainText() {
    }

    /** The cleaned text; null stays null. */
    public static String clean(String text) {
        return text == null ? null
                : INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("").strip();
    }
}
