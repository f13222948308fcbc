package de.schulit.servicedesk.catalog;

/** A configuration file the operator edits is invalid; the message names file, entry and field. */
public class ConfigFileException extends RuntimeException {

    public ConfigFileException(String message) {
        super(message);
    }

    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
