package de.schulit.servicedesk.persistence;

import de.schulit.servicedesk.ticket.AttachmentRef;

/** An attachment of a ticket without its content. */
record AttachmentListing(String ticketNumber, long id, String fileName, String mimeType, long size) {

    AttachmentRef toRef() {
        return new AttachmentRef(id, fileName, mimeType, size);
    }
}
