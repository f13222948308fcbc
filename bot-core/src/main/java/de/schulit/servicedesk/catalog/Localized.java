package de.schulit.servicedesk.catalog;

/** Picks the English variant of a catalog text when the user reads English and the operator wrote one. */
final class Localized {

    private Localized() {
    }

    static String pick(String language, String german, String english) {
        return "en".equals(language) && english != null && !english.isBlank() ? english : german;
    }
}
