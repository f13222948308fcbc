package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.BotMessage;
import de.schulit.servicedesk.channel.ChannelAddress;
import de.schulit.servicedesk.channel.ChatGateway;
import de.schulit.servicedesk.channel.FileTypes;
import de.schulit.servicedesk.channel.Inbound;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.StoredInputWorker;
import de.schulit.servicedesk.dialog.Messages;
import de.schulit.servicedesk.identity.People;
import de.schulit.servicedesk.identity.Person;
import de.schulit.servicedesk.matrix.MatrixStore.StoredEvent;
import de.schulit.servicedesk.privacy.LogIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single thread that handles stored events in the order they arrived. Each event takes effect in one transaction
 * with its mark as processed, so it counts exactly once, also across crashes and a re-delivered sync. Requester rooms:
 * text (numbers and labels become the offered option), images and PDFs (authenticated download, size limit, checked
 * by their first bytes) go to the {@link ChatGateway}; an encrypted room gets one honest notice. The agents' room goes
 * to the {@link AgentRoomBridge}, after the sender's power level was read (outside the transaction). A failing event
 * is retried with backoff and holds back the later ones; after {@value StoredInputWorker#ATTEMPTS} failures it is given up.
 */
final class MatrixEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(MatrixEventProcessor.class);
    private static final Duration KEEP_PROCESSED = Duration.ofDays(2);

    private final MatrixProperties properties;
    private final MatrixStore store;
    private final MatrixClient client;
    private final MatrixInboundMapper mapper;
    private final AgentRoomBridge bridge;
    private final ChatGateway gateway;
    private final Outbox outbox;
    private final People people;
    private final Messages messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Runnable afterCommit;
    private final JsonMapper json;
    private final StoredInputWorker<StoredEvent> worker;
    private Instant lastPurge = Instant.EPOCH;

    MatrixEventProcessor(MatrixProperties properties, MatrixStore store, MatrixClient client, AgentRoomBridge bridge,
                         ChatGateway gateway, Outbox outbox, People people, Messages messages,
                         TransactionTemplate transaction, Clock clock, Runnable afterCommit, JsonMapper json) {
        this.properties = properties;
        this.store = store;
        this.client = client;
        this.mapper = new MatrixInboundMapper();
        this.bridge = bridge;
        this.gateway = gateway;
        this.outbox = outbox;
        this.people = people;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.json = json;
        this.worker = new StoredInputWorker<>("matrix-events", "Matrix event", store::unprocessed,
                StoredEvent::eventId, this::process, this::giveUp, this::purgeNowAndThen);
    }

    void start() {
        worker.start();
    }

    void stop() {
        worker.stop();
    }

    /** New events were stored. */
    void nudge() {
        worker.nudge();
    }

    private void process(StoredEvent stored) {
        JsonNode event = json.readTree(stored.payload());
        String type = event.path("type").asString("");
        String sender = event.path("sender").asString("");
        JsonNode content = event.path("content");
        if (sender.equals(properties.botUserId())) {
            done(stored);
        } else if (type.equals("m.room.encryption") || type.equals("m.room.encrypted")) {
            transaction.executeWithoutResult(status -> {
                if (store.claimEncryptionNotice(stored.roomId(), clock.instant())) {
                    log.info("Matrix room {} is encrypted: the bot cannot read it and says so once", LogIds.hash(stored.roomId()));
                    String text = text(new ChannelAddress(MatrixInboundMapper.CHANNEL, sender), "channel.matrixEncrypted");
                    store.post(stored.roomId(), null, false, text, MatrixOutboundMapper.lines(text), clock.instant());
                }
                store.markProcessed(stored.eventId(), clock.instant());
            });
        } else if (!type.equals("m.room.message") || isEdit(content)
                || content.path("msgtype").asString("").equals("m.notice")) {
            done(stored); // notices are never answered; edits would repeat an answer already given
        } else if (bridge != null && stored.roomId().equals(bridge.roomId())) {
            agentMessage(stored, event);
        } else {
            requesterMessage(stored, event, sender, content);
        }
        afterCommit.run();
    }

    private void agentMessage(StoredEvent stored, JsonNode event) {
        JsonNode relation = event.path("content").path("m.relates_to");
        Optional<String> ticket = relation.path("rel_type").asString("").equals("m.thread")
                ? store.ticketOfThread(relation.path("event_id").asString("")) : Optional.empty();
        String sender = event.path("sender").asString();
        boolean mayAct = AgentRoomBridge.wantsAction(event, ticket) && mayAct(sender);
        transaction.executeWithoutResult(status -> {
            bridge.handle(event, ticket, s -> mayAct);
            store.markProcessed(stored.eventId(), clock.instant());
        });
    }

    /** The allowlist, else the power level the room's state gives the user (users_default for the unnamed). */
    private boolean mayAct(String userId) {
        if (properties.agents().contains(userId)) {
            return true;
        }
        JsonNode levels = client.state(bridge.roomId(), "m.room.power_levels", "").orElse(null);
        if (levels == null) {
            return false;
        }
        JsonNode level = levels.path("users").path(userId);
        int value = level.canConvertToInt() ? level.asInt() : levels.path("users_default").asInt(0);
        return value >= properties.agentPowerLevel();
    }

    private void requesterMessage(StoredEvent stored, JsonNode event, String sender, JsonNode content) {
        Instant at = Instant.ofEpochMilli(event.path("origin_server_ts").asLong(clock.millis()));
        ChannelAddress from = new ChannelAddress(MatrixInboundMapper.CHANNEL, sender);
        String msgtype = content.path("msgtype").asString("");
        switch (msgtype) {
            case "m.text", "m.emote" -> {
                String body = MatrixInboundMapper.withoutReplyFallback(content);
                transaction.executeWithoutResult(status -> {
                    store.saveDirectRoom(sender, stored.roomId(), clock.instant());
                    gateway.receive(mapper.typed(sender, body, store.offered(stored.roomId()), at));
                    store.markProcessed(stored.eventId(), clock.instant());
                });
            }
            case "m.image", "m.file" -> {
                Fetched fetched = fetch(content, from);
                transaction.executeWithoutResult(status -> {
                    store.saveDirectRoom(sender, stored.roomId(), clock.instant());
                    if (fetched.attachment() != null) {
                        gateway.receive(Inbound.attachment(from, fetched.attachment(), caption(content), at));
                    } else {
                        outbox.append(from, BotMessage.of(fetched.refusal()));
                    }
                    store.markProcessed(stored.eventId(), clock.instant());
                });
            }
            default -> transaction.executeWithoutResult(status -> {
                store.saveDirectRoom(sender, stored.roomId(), clock.instant());
                outbox.append(from, BotMessage.of(text(from, "channel.unsupportedInput")));
                store.markProcessed(stored.eventId(), clock.instant());
            });
        }
    }

    /** A file the user sent: the attachment, or the text telling them why it was not taken. */
    private record Fetched(Attachment attachment, String refusal) {

        static Fetched refused(String text) {
            return new Fetched(null, text);
        }
    }

    private Fetched fetch(JsonNode content, ChannelAddress from) {
        long max = properties.maxAttachmentSize().toBytes();
        String tooLarge = text(from, "channel.attachmentTooLarge", Math.max(1, max / (1024 * 1024)));
        if (content.path("info").path("size").asLong(0) > max) {
            return Fetched.refused(tooLarge);
        }
        MatrixClient.Download download;
        try {
            download = client.download(content.path("url").asString(null), max);
        } catch (MatrixException e) {
            if (e.isTransient()) {
                throw e;
            }
            return Fetched.refused(text(from, "channel.attachmentUnavailable"));
        }
        if (download.content() == null) {
            return Fetched.refused(tooLarge);
        }
        String mime = FileTypes.sniff(download.content());
        if (mime == null) {
            return Fetched.refused(text(from, "channel.attachmentWrongType"));
        }
        String name = content.path("filename").asString(content.path("body").asString("datei"));
        return new Fetched(new Attachment(FileTypes.fileName(name, mime), mime, download.content()), null);
    }

    /** Since spec v1.10 a file's body is a caption when a separate filename is given. */
    private static String caption(JsonNode content) {
        String filename = content.path("filename").asString(null);
        String body = content.path("body").asString(null);
        return filename != null && body != null && !body.equals(filename) && !body.isBlank() ? body : null;
    }

    private static boolean isEdit(JsonNode content) {
        return content.path("m.relates_to").path("rel_type").asString("").equals("m.replace");
    }

    private void done(StoredEvent stored) {
        transaction.executeWithoutResult(status -> store.markProcessed(stored.eventId(), clock.instant()));
    }

    private void giveUp(StoredEvent stored) {
        transaction.executeWithoutResult(status -> {
            try {
                JsonNode event = json.readTree(stored.payload());
                ChannelAddress from = new ChannelAddress(MatrixInboundMapper.CHANNEL, event.path("sender").asString(""));
                if (bridge == null || !stored.roomId().equals(bridge.roomId())) {
                    store.saveDirectRoom(from.id(), stored.roomId(), clock.instant());
                    outbox.append(from, BotMessage.of(text(from, "channel.inputFailed")));
                }
            } catch (RuntimeException e) {
                log.debug("Could not tell the user about event {}", stored.eventId(), e);
            }
            store.markProcessed(stored.eventId(), clock.instant());
        });
        afterCommit.run();
    }

    /** A text of the bot's message bundle in the language of the person behind the chat (German if unknown). */
    private String text(ChannelAddress to, String key, Object... args) {
        String language = people.findByAddress(to).map(Person::language).orElse(Messages.GERMAN);
        return messages.text(Messages.supported(language), key, args);
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) >= 0) {
            lastPurge = now;
            transaction.executeWithoutResult(status -> store.purgeBefore(now.minus(KEEP_PROCESSED)));
        }
    }
}
