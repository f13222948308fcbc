package de.schulit.servicedesk.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One answer of a ticket; the ticket keeps them in a list with an index column, in asking order. */
@Embeddable
class TicketField {

    @Column(name = "field_key", nullable = false, length = 100)
    private String key;

    @Column(name = "field_value", nullable = false, columnDefinition = "TEXT")
    private String value;

    protected TicketField() {
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }
}
