package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.Option;
import de.schulit.servicedesk.channel.QueuedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * A bot message as Telegram {@code sendMessage} calls. The text goes out as plain text, without any
 * {@code parse_mode}: nothing in it (user text quoted back, an agent's reply) is interpreted as markup, so it can
 * neither break nor inject formatting; link previews are off. Options become an inline keyboard, one button per row,
 * whose {@code callback_data} is the option id (at most 64 bytes; catalog ids are at most 40 characters, so every
 * id the dialog makes fits; a longer one would be left out rather than fail the message). Text longer than
 * Telegram's 4096 characters is split at line or word boundaries; the keyboard goes with the last part.
 */
final class TelegramOutboundMapper {

    static final int MAX_TEXT = 4096;
    static final int MAX_CALLBACK_DATA_BYTES = 64;

    private static final Logger log = LoggerFactory.getLogger(TelegramOutboundMapper.class);

    List<SendMessage> toSendMessages(QueuedMessage queued) {
        String chatId = queued.to().id();
        List<String> parts = split(queued.message().text());
        InlineKeyboardMarkup keyboard = keyboard(queued.message().options(), queued.id());
        List<SendMessage> messages = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder()
                    .chatId(chatId)
                    .text(parts.get(i))
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (i == parts.size() - 1 && keyboard != null) {
                message.replyMarkup(keyboard);
            }
            messages.add(message.build());
        }
        return messages;
    }

    private static InlineKeyboardMarkup keyboard(List<Option> options, long messageId) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Option option : options) {
            if (option.id() == null || option.id().isEmpty()
                    || option.id().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA_BYTES) {
                log.warn("Option id of outbox message {} does not fit Telegram's 64 bytes of callback_data; button left out",
                        messageId);
                continue;
            }
            String label = option.label() == null || option.label().isBlank() ? option.id() : option.label();
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(label).callbackData(option.id()).build()));
        }
        return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** Parts of at most {@link #MAX_TEXT} UTF-16 units, cut after a line break or a space where possible. */
    static List<String> split(String text) {
        String rest = text == null || text.isEmpty() ? "…" : text;
        List<String> parts = new ArrayList<>();
        while (rest.length() > MAX_TEXT) {
            int cut = rest.lastIndexOf('\n', MAX_TEXT - 1);
            if (cut < MAX_TEXT / 2) {
                cut = rest.lastIndexOf(' ', MAX_TEXT - 1);
            }
            if (cut < MAX_TEXT / 2) {
                cut = MAX_TEXT;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            } else {
                cut++;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        parts.add(rest);
        return parts;
    }
}
