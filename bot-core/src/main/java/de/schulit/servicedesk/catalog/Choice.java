package de.schulit.servicedesk.catalog;

/** One answer of a choice question. */
public record Choice(String id, String label, String labelEn) {

    public String label(String language) {
        return Localized.pick(language, label, labelEn);
    }
}
