package de.schulit.servicedesk.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The three kinds of request of SPEC.md, with their stable ids. */
public enum RequestType {
    STOERUNG("stoerung"),
    ANFRAGE("anfrage"),
    BEDARF("bedarf");

    private final String id;

    RequestType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<RequestType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equalsIgnoreCase(String.valueOf(id).trim())).findFirst();
    }

    @JsonCreator
    static RequestType parse(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown request type '" + id + "' (expected stoerung, anfrage or bedarf)"));
    }
}
