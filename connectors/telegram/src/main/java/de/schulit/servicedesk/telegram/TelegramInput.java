package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.Inbound;
import java.time.Instant;

/** What one Telegram update means to the bot, as decided by {@link TelegramInboundMapper}. */
sealed interface TelegramInput {

    /** The pressed button to acknowledge, or null when the update was no callback query. */
    Callback callback();

    /** A callback query to answer, and the message whose keyboard to remove (messageId null if unknown). */
    record Callback(String queryId, Long chatId, Integer messageId) {
    }

    /** A file the user sent: fetched with getFile before the dialog sees it. */
    record FileRef(String fileId, String fileName, String mimeType, Long declaredSize) {
    }

    /** Nothing for the dialog (an update type the bot does not use, a message from a bot, an empty button). */
    record Ignored(String reason, Callback callback) implements TelegramInput {
    }

    /** Anything from a group, supergroup or channel: answered once with a notice, then ignored. */
    record FromGroup(ChannelAddress chat, Callback callback) implements TelegramInput {
    }

    /** A private message the bot cannot handle (sticker, voice, location ...): the user gets a hint. */
    record Unsupported(ChannelAddress from, Callback callback) implements TelegramInput {
    }

    /** Text, a pressed option, or a file with an optional caption, from a private chat. */
    record UserInput(ChannelAddress from, String text, String optionId, FileRef file, Instant at, Callback callback)
            implements TelegramInput {

        /** The input for the dialog; for a file, once it is fetched. */
        Inbound inbound(Attachment attachment) {
            if (file != null) {
                return Inbound.attachment(from, attachment, text, at);
            }
            return optionId != null ? Inbound.option(from, optionId, at) : Inbound.text(from, text, at);
        }
    }
}
