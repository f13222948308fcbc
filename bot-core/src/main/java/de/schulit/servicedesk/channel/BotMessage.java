package de.schulit.servicedesk.channel;

import java.util.List;

/** What the bot says: plain text (no markup; each channel escapes and formats) and the options offered with it. */
public record BotMessage(String text, List<Option> options) {

    public BotMessage {
        options = List.copyOf(options);
    }

    public static BotMessage of(String text) {
        return new BotMessage(text, List.of());
    }

    public static BotMessage of(String text, List<Option> options) {
        return new BotMessage(text, options);
    }
}
