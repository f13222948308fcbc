package de.schulit.servicedesk.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

public enum QuestionType {
    TEXT,
    CHOICE,
    NUMBER;

    @JsonCreator
    static QuestionType parse(String value) {
        try {
            return valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown question type '" + value + "' (expected text, choice or number)");
        }
    }
}
