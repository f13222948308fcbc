package de.schulit.servicedesk.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One input from a user: typed text, a pressed option (by id, never disguised as text) or an attachment.
 * Exactly one of text and optionId is set; an attachment may come alone or with a caption as text.
 */
public record Inbound(ChannelAddress from, String text, String optionId, Attachment attachment, Instant at) {

    public Inbound {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(at, "at");
        if (text == null && optionId == null && attachment == null) {
            throw new IllegalArgumentException("an inbound message needs text, an option or an attachment");
        }
    }

    public static Inbound text(ChannelAddress from, String text, Instant at) {
        return new Inbound(from, text, null, null, at);
    }

    public static Inbound option(ChannelAddress from, String optionId, Instant at) {
        return new Inbound(from, null, optionId, null, at);
    }

    public static Inbound attachment(ChannelAddress from, Attachment attachment, String caption, Instant at) {
        return new Inbound(from, caption, null, attachment, at);
    }
}
