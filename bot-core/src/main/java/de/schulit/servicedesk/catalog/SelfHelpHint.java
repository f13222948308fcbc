package de.schulit.servicedesk.catalog;

import java.util.List;

/** Something the requester can try before a ticket is filed. */
public record SelfHelpHint(String title, String titleEn, String text, String textEn, List<RequestType> requestTypes) {

    public SelfHelpHint {
        requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
    }

    public String title(String language) {
        return Localized.pick(language, title, titleEn);
    }

    public String text(String language) {
        return Localized.pick(language, text, textEn);
    }

    public boolean appliesTo(RequestType type) {
        return requestTypes.isEmpty() || requestTypes.contains(type);
    }
}
