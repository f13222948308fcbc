package de.schulit.servicedesk.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for a typed answer; every field is optional. */
public record Validation(Integer minLength, Integer maxLength, String pattern, Long min, Long max,
                         String hint, String hintEn) {

    /** Applied when a text question names no maximum, so a pasted novel never becomes a field. */
    public static final int DEFAULT_MAX_LENGTH = 500;

    public static final Validation NONE = new Validation(null, null, null, null, null, null, null);

    public enum Failure { TOO_SHORT, TOO_LONG, NO_MATCH, NOT_A_NUMBER, OUT_OF_RANGE }

    public String hint(String language) {
        return Localized.pick(language, hint, hintEn);
    }

    Optional<Failure> checkText(String answer) {
        int length = answer.codePointCount(0, answer.length());
        if (length < (minLength == null ? 1 : minLength)) {
            return Optional.of(Failure.TOO_SHORT);
        }
        if (length > (maxLength == null ? DEFAULT_MAX_LENGTH : maxLength)) {
            return Optional.of(Failure.TOO_LONG);
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(answer).matches()) {
            return Optional.of(Failure.NO_MATCH);
        }
        return Optional.empty();
    }

    Optional<Failure> checkNumber(String answer) {
        long value;
        try {
            value = Long.parseLong(answer.replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            return Optional.of(Failure.NOT_A_NUMBER);
        }
        if ((min != null && value < min) || (max != null && value > max)) {
            return Optional.of(Failure.OUT_OF_RANGE);
        }
        return Optional.empty();
    }
}
