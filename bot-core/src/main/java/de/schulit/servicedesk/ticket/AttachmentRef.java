package de.schulit.servicedesk.ticket;

/** A stored attachment; the content is fetched from {@link Attachments} by id. */
public record AttachmentRef(long id, String fileName, String mimeType, long size) {
}
