package de.schulit.servicedesk.telegram;

import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.telegram.TelegramInput.Callback;
import de.schulit.servicedesk.telegram.TelegramInput.FileRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/**
 * Pure mapping of a Telegram {@link Update} to what it means for the bot. The chat id is the address
 * (in a private chat it equals the user id); a pressed button arrives as its option id, never as text;
 * {@code /start <code>} from a deep link is plain text for the dialog's command parser.
 */
final class TelegramInboundMapper {

    static final String CHANNEL = "telegram";
    /** The update types the bot uses; requested in both modes so Telegram sends nothing else. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    TelegramInput map(Update update, Instant receivedAt) {
        if (update.getCallbackQuery() != null) {
            return callback(update.getCallbackQuery(), receivedAt);
        }
        Message message = update.getMessage();
        if (message == null) {
            return new TelegramInput.Ignored("update type not used", null);
        }
        Chat chat = message.getChat();
        if (chat == null || chat.getId() == null) {
            return new TelegramInput.Ignored("message without chat", null);
        }
        ChannelAddress address = address(chat.getId());
        if (!"private".equals(chat.getType())) {
            return new TelegramInput.FromGroup(address, null);
        }
        if (message.getFrom() != null && Boolean.TRUE.equals(message.getFrom().getIsBot())) {
            return new TelegramInput.Ignored("message from a bot", null);
        }
        Instant at = message.getDate() != null ? Instant.ofEpochSecond(message.getDate()) : receivedAt;
        if (message.getText() != null) {
            return new TelegramInput.UserInput(address, message.getText(), null, null, at, null);
        }
        String caption = message.getCaption();
        if (message.getPhoto() != null && !message.getPhoto().isEmpty()) {
            PhotoSize largest = message.getPhoto().stream()
                    .max(Comparator.comparingLong(TelegramInboundMapper::pixels)
                            .thenComparingLong(p -> p.getFileSize() == null ? 0 : p.getFileSize()))
                    .orElseThrow();
            String name = "foto-" + (largest.getFileUniqueId() != null ? safe(largest.getFileUniqueId()) : message.getMessageId()) + ".jpg";
            FileRef file = new FileRef(largest.getFileId(), name, "image/jpeg",
                    largest.getFileSize() == null ? null : largest.getFileSize().longValue());
            return new TelegramInput.UserInput(address, caption, null, file, at, null);
        }
        if (message.getDocument() != null) {
            Document document = message.getDocument();
            String name = document.getFileName() != null && !document.getFileName().isBlank()
                    ? document.getFileName() : "dokument";
            FileRef file = new FileRef(document.getFileId(), name, document.getMimeType(), document.getFileSize());
            return new TelegramInput.UserInput(address, caption, null, file, at, null);
        }
        return new TelegramInput.Unsupported(address, null);
    }

    private TelegramInput callback(CallbackQuery query, Instant receivedAt) {
        MaybeInaccessibleMessage message = query.getMessage();
        Long chatId = message != null && message.getChat() != null ? message.getChat().getId()
                : query.getFrom() != null ? query.getFrom().getId() : null;
        Integer messageId = message != null ? message.getMessageId() : null;
        Callback callback = new Callback(query.getId(), chatId, messageId);
        if (chatId == null) {
            return new TelegramInput.Ignored("button without chat", callback);
        }
        ChannelAddress address = address(chatId);
        if (message != null && message.getChat() != null && !"private".equals(message.getChat().getType())) {
            return new TelegramInput.FromGroup(address, callback);
        }
        if (query.getData() == null || query.getData().isEmpty()) {
            return new TelegramInput.Ignored("button without data", callback);
        }
        return new TelegramInput.UserInput(address, null, query.getData(), null, receivedAt, callback);
    }

    static ChannelAddress address(long chatId) {
        return new ChannelAddress(CHANNEL, Long.toString(chatId));
    }

    private static long pixels(PhotoSize size) {
        return (long) (size.getWidth() == null ? 0 : size.getWidth()) * (size.getHeight() == null ? 0 : size.getHeight());
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "");
    }
}
