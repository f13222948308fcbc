package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.Attachment;
import de.schulit.servicedesk.channel.ChannelMetrics;
import de.schulit.servicedesk.channel.Outbox;
import de.schulit.servicedesk.channel.QueuedMessage;
import de.schulit.servicedesk.channel.WakeableWorker;
import de.schulit.servicedesk.matrix.MatrixStore.RoomPost;
import de.schulit.servicedesk.privacy.LogIds;
import de.schulit.servicedesk.ticket.Attachments;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends what the bot has to say in Matrix, from two durable queues: the core outbox (requesters, answered in the room
 * they last wrote from) and {@code matrix_room_post} (the agents' room, with requesters' files uploaded into the
 * tickets' threads, and notices into a given room). In order per
 * chat and room: a message that failed holds back the later ones of its chat with exponential backoff. Every message
 * has a transaction id chosen once and stored, so a resend after a timeout, a dropped connection or a restart is
 * recognised by the homeserver and never shows twice. {@code M_LIMIT_EXCEEDED} pauses all sending as long as asked.
 */
final class MatrixDispatcher {

    record Settings(Duration idlePoll, Duration firstBackoff, Duration maxBackoff) {
        static Settings defaults() {
            return new Settings(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMinutes(5));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MatrixDispatcher.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Attachments attachments;
    private final MatrixStore store;
    private final MatrixClient client;
    private final MatrixOutboundMapper mapper;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Settings settings;
    private final ChannelMetrics metrics;
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final WakeableWorker worker = new WakeableWorker("matrix-dispatcher", Duration.ofSeconds(10), this::deliveryRound);
    private long pausedUntil = System.nanoTime();

    private static final class Backoff {
        int failures;
        long notBefore;
    }

    MatrixDispatcher(Outbox outbox, Attachments attachments, MatrixStore store, MatrixClient client,
                     MatrixOutboundMapper mapper, TransactionTemplate transaction, Clock clock, Settings settings,
                     ChannelMetrics metrics) {
        this.outbox = outbox;
        this.attachments = attachments;
        this.store = store;
        this.client = client;
        this.mapper = mapper;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
    }

    void start() {
        worker.start();
    }

    void stop() {
        worker.stop();
    }

    void nudge() {
        worker.nudge();
    }

    private WakeableWorker.Rest deliveryRound() {
        try {
            return WakeableWorker.Rest.upTo(round());
        } catch (RuntimeException e) {
            log.warn("Matrix delivery round failed, trying again shortly: {}", e.toString());
            return WakeableWorker.Rest.upTo(settings.idlePoll().toNanos() * 4);
        }
    }

    /** Sends what may be sent now; returns how long to rest (0: go on at once). */
    long round() {
        long paused = pausedUntil - System.nanoTime();
        if (paused > 0) {
            return paused;
        }
        boolean delivered = false;
        for (QueuedMessage message : outbox.nextUndelivered(MatrixInboundMapper.CHANNEL, BATCH)) {
            if (!worker.isRunning()) {
                return 0;
            }
            String key = "user " + LogIds.hash(message.to().id()); // also in log lines
            if (waiting(key)) {
                continue;
            }
            Optional<String> room = store.directRoomOf(message.to().id());
            if (room.isEmpty()) {
                failed(key, message.id(), new MatrixException(404, null, "no room known for the user", null));
                continue;
            }
            String txnId = transaction.execute(status -> store.txnIdOf(message.id()));
            try {
                client.send(room.get(), "m.room.message", txnId, mapper.notice(message.message()));
            } catch (MatrixException e) {
                if (e.isRateLimit()) {
                    return pause(e);
                }
                failed(key, message.id(), e);
                continue;
            }
            transaction.executeWithoutResult(status -> {
                outbox.markDelivered(message.id(), clock.instant());
                store.saveOffered(room.get(), message.message().options());
            });
            metrics.delivered(MatrixInboundMapper.CHANNEL);
            backoffs.remove(key);
            delivered = true;
        }
        Set<String> heldRooms = new HashSet<>();
        for (RoomPost post : store.unsentPosts(BATCH)) {
            String key = "room " + LogIds.hash(post.roomId());
            if (!worker.isRunning()) {
                return 0;
            }
            if (heldRooms.contains(key) || waiting(key)) {
                heldRooms.add(key);
                continue;
            }
            ObjectNode content;
            try {
                content = post.attachmentId() == null ? mapper.notice(post.body(), post.html()) : file(post);
            } catch (MatrixException e) {
                if (e.isRateLimit()) {
                    return pause(e);
                }
                failed(key, post.id(), e);
                heldRooms.add(key);
                continue;
            }
            if (content == null) {
                transaction.executeWithoutResult(status -> store.postSent(post, null, clock.instant()));
                continue; // the attachment is gone (deleted meanwhile): nothing to show
            }
            if (post.ticketNumber() != null && !post.root()) {
                Optional<String> root = store.threadRoot(post.ticketNumber());
                if (root.isEmpty()) {
                    heldRooms.add(key); // the root post is not sent yet
                    continue;
                }
                content = post.replacesRoot() ? mapper.replacing(content, root.get())
                        : mapper.inThread(content, root.get());
            }
            try {
                String eventId = client.send(post.roomId(), "m.room.message", post.txnId(), content);
                transaction.executeWithoutResult(status -> store.postSent(post, eventId, clock.instant()));
                metrics.delivered(MatrixInboundMapper.CHANNEL);
                backoffs.remove(key);
                delivered = true;
            } catch (MatrixException e) {
                if (e.isRateLimit()) {
                    return pause(e);
                }
                failed(key, post.id(), e);
                heldRooms.add(key);
            }
        }
        return delivered ? 0 : nextWait();
    }

    /** The post's attachment as a file message, uploaded once; null when the attachment no longer exists. */
    private ObjectNode file(RoomPost post) {
        Optional<Attachment> attachment = attachments.load(post.attachmentId());
        if (attachment.isEmpty()) {
            return null;
        }
        Attachment file = attachment.get();
        String uri = post.mediaUri();
        if (uri == null) {
            uri = client.upload(file.content(), file.mimeType(), file.fileName());
            String uploaded = uri;
            transaction.executeWithoutResult(status -> store.postUploaded(post.id(), uploaded));
        }
        return mapper.file(uri, file.fileName(), file.mimeType(), file.size());
    }

    private long pause(MatrixException e) {
        metrics.deliveryRetried(MatrixInboundMapper.CHANNEL);
        long wait = e.retryAfter().toNanos();
        pausedUntil = System.nanoTime() + wait;
        log.info("Matrix asks to slow down (M_LIMIT_EXCEEDED): pausing all sending for {} ms",
                TimeUnit.NANOSECONDS.toMillis(wait));
        return wait;
    }

    private boolean waiting(String key) {
        Backoff backoff = backoffs.get(key);
        return backoff != null && backoff.notBefore - System.nanoTime() > 0;
    }

    private void failed(String key, long id, MatrixException e) {
        metrics.deliveryRetried(MatrixInboundMapper.CHANNEL);
        Backoff backoff = backoffs.computeIfAbsent(key, k -> new Backoff());
        backoff.failures++;
        long wait = settings.firstBackoff().toNanos() << Math.min(backoff.failures - 1, 20);
        wait = Math.min(wait <= 0 ? Long.MAX_VALUE : wait, settings.maxBackoff().toNanos());
        backoff.notBefore = System.nanoTime() + wait;
        if (e.isTransient()) {
            log.info("Matrix message {} ({}) not sent yet (attempt {}), retrying in {} ms: {}", id, key,
                    backoff.failures, TimeUnit.NANOSECONDS.toMillis(wait), e.getMessage());
        } else {
            log.warn("Matrix refused message {} ({}; attempt {}); it and later ones wait, next try in {} s: {}", id, key,
                    backoff.failures, TimeUnit.NANOSECONDS.toSeconds(wait), e.getMessage());
        }
    }

    private long nextWait() {
        long wait = settings.idlePoll().toNanos();
        long now = System.nanoTime();
        for (Backoff backoff : backoffs.values()) {
            long left = backoff.notBefore - now;
            if (left > 0) {
                wait = Math.min(wait, left);
            }
        }
        backoffs.values().removeIf(b -> b.notBefore - now < -TimeUnit.MINUTES.toNanos(10));
        return Math.max(wait, TimeUnit.MILLISECONDS.toNanos(5));
    }
}
