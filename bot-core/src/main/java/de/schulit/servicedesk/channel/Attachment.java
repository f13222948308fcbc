package de.schulit.servicedesk.channel;

import java.util.Objects;

/** A file a user sent, already fetched from the channel. */
public record Attachment(String fileName, String mimeType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
    }

    public int size() {
        return content.length;
    }
}
