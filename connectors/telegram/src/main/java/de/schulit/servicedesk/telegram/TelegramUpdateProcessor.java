package de.schulit.servicedesk.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.StoredInputWorker;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.telegram.TelegramInput.Callback;
import de.schulit.servicedesk.telegram.TelegramUpdateStore.StoredUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The single thread that turns stored updates into dialog turns, in update_id order. Each update is handed to the
 * {@link ChatGateway} and marked processed in one transaction (the gateway joins it), so it takes effect exactly
 * once: a crash before the commit leaves it unprocessed and it runs again; a redelivered update is never stored twice.
 * A failing update is retried with backoff and holds back the later ones (order matters within a chat); after
 * {@value StoredInputWorker#ATTEMPTS} failures it is given up with an apology to the user, so one broken update cannot stop
 * the channel.
 */
final class TelegramUpdateProcessor {

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateProcessor.class);
    private static final Duration KEEP_PROCESSED = Duration.ofDays(2);

    private final TelegramUpdateStore store;
    private final TelegramInboundMapper mapper;
    private final TelegramFiles files;
    private final TelegramClient client;
    private final ChatGateway gateway;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Runnable afterCommit;
    private final long maxAttachmentBytes;
    private final Messages messages;
    private final People people;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final StoredInputWorker<StoredUpdate> worker;
    private Instant lastPurge = Instant.EPOCH;

    TelegramUpdateProcessor(TelegramUpdateStore store, TelegramInboundMapper mapper, TelegramFiles files,
                            TelegramClient client, ChatGateway gateway, Outbox outbox, TransactionTemplate transaction,
                            Clock clock, Runnable afterCommit, long maxAttachmentBytes, Messages messages,
                            People people) {
        this.store = store;
        this.mapper = mapper;
        this.files = files;
        this.client = client;
        this.gateway = gateway;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.messages = messages;
        this.people = people;
        this.worker = new StoredInputWorker<>("telegram-updates", "Telegram update", store::unprocessed,
                StoredUpdate::updateId, this::process, this::giveUp, this::purgeNowAndThen);
    }

    void start() {
        worker.start();
    }

    void stop() {
        worker.stop();
    }

    /** New updates were stored. */
    void nudge() {
        worker.nudge();
    }

    private void process(StoredUpdate stored) {
        Update update;
        try {
            update = json.readValue(stored.payload(), Update.class);
        } catch (Exception e) {
            log.error("Stored Telegram update {} is unreadable; skipped", stored.updateId(), e);
            transaction.executeWithoutResult(status -> store.markProcessed(stored.updateId(), clock.instant()));
            return;
        }
        TelegramInput input = mapper.map(update, stored.receivedAt());
        if (input instanceof TelegramInput.FromGroup group) {
            transaction.executeWithoutResult(status -> {
                // The notice is the only thing a group ever gets: if the outbox has anything for it, stay quiet.
                if (outbox.after(group.chat(), 0, 1).isEmpty()) {
                    outbox.append(group.chat(), BotMessage.of(text(group.chat(), "channel.groupNotice")));
                }
                store.markProcessed(stored.updateId(), clock.instant());
            });
        } else if (input instanceof TelegramInput.Unsupported unsupported) {
            reply(stored, unsupported.from(), text(unsupported.from(), "channel.unsupportedInput"));
        } else if (input instanceof TelegramInput.UserInput user) {
            TelegramFiles.Fetched fetched = user.file() == null ? null : files.fetch(user.file());
            if (fetched instanceof TelegramFiles.Rejected rejected) {
                reply(stored, user.from(), switch (rejected.reason()) {
                    case TOO_LARGE -> text(user.from(), "channel.attachmentTooLarge",
                            Math.max(1, maxAttachmentBytes / (1024 * 1024)));
                    case WRONG_TYPE -> text(user.from(), "channel.attachmentWrongType");
                    case UNAVAILABLE -> text(user.from(), "channel.attachmentUnavailable");
                });
            } else {
                de.schulit.servicedesk.channel.Attachment attachment =
                        fetched instanceof TelegramFiles.Accepted accepted ? accepted.attachment() : null;
                transaction.executeWithoutResult(status -> {
                    gateway.receive(user.inbound(attachment));
                    store.markProcessed(stored.updateId(), clock.instant());
                });
            }
        } else {
            transaction.executeWithoutResult(status -> store.markProcessed(stored.updateId(), clock.instant()));
        }
        afterCommit.run();
        acknowledge(input.callback());
    }

    /** A text of the bot's message bundle, in the language of the person behind the chat (German if unknown). */
    private String text(ChannelAddress to, String key, Object... args) {
        String language = people.findByAddress(to).map(Person::language).orElse(Messages.GERMAN);
        return messages.text(Messages.supported(language), key, args);
    }

    private void reply(StoredUpdate stored, ChannelAddress to, String text) {
        transaction.executeWithoutResult(status -> {
            outbox.append(to, BotMessage.of(text));
            store.markProcessed(stored.updateId(), clock.instant());
        });
    }

    private void giveUp(StoredUpdate stored) {
        try {
            TelegramInput input = mapper.map(json.readValue(stored.payload(), Update.class), stored.receivedAt());
            if (input instanceof TelegramInput.UserInput user) {
                reply(stored, user.from(), text(user.from(), "channel.inputFailed"));
                afterCommit.run();
                acknowledge(user.callback());
                return;
            }
        } catch (Exception e) {
            log.debug("Could not tell the user about update {}", stored.updateId(), e);
        }
        transaction.executeWithoutResult(status -> store.markProcessed(stored.updateId(), clock.instant()));
    }

    /** Answers the callback query (stops the spinner) and removes the keyboard the button belonged to. Best effort. */
    private void acknowledge(Callback callback) {
        if (callback == null) {
            return;
        }
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callback.queryId()).build());
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
        }
        if (callback.chatId() != null && callback.messageId() != null) {
            try {
                client.execute(EditMessageReplyMarkup.builder().chatId(callback.chatId().toString())
                        .messageId(callback.messageId()).build());
            } catch (TelegramApiException e) {
                log.debug("editMessageReplyMarkup failed: {}", e.getMessage()); // e.g. already removed: harmless
            }
        }
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) >= 0) {
            lastPurge = now;
            int purged = store.purgeProcessedBefore(now.minus(KEEP_PROCESSED));
            if (purged > 0) {
                log.debug("Deleted {} processed Telegram updates", purged);
            }
        }
    }
}
