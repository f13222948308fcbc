package de.schulit.servicedesk.dialog;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing text, from {@code messages/bot*.properties}: German (formal Sie) by default, English second.
 * Placeholders are {0}, {1}, ... replaced literally (no MessageFormat quoting rules to trip over).
 */
public final class Messages {

    public static final String GERMAN = "de";
    public static final String ENGLISH = "en";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle german = ResourceBundle.getBundle("messages/bot", Locale.ROOT, NO_FALLBACK);
    private final ResourceBundle english = ResourceBundle.getBundle("messages/bot", Locale.ENGLISH, NO_FALLBACK);

    public static String supported(String language) {
        return ENGLISH.equals(language) ? ENGLISH : GERMAN;
    }

    public String text(String language, String key, Object... args) {
        ResourceBundle bundle = ENGLISH.equals(language) ? english : german;
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "'", e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public ResourceBundle bundle(String language) {
        return ENGLISH.equals(language) ? english : german;
    }
}
