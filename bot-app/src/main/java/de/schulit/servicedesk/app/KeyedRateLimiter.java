package de.schulit.servicedesk.app;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (chat identity, client address): {@code perMinute} per minute, refilled all at once each
 * minute, so "wait a minute" is true for whoever was stopped.
 * Also tells whether a rejection is the first one the key got in the current minute, so a notice goes out once.
 */
final class KeyedRateLimiter<K> {

    enum Admission { ALLOWED, REJECTED_FIRST, REJECTED }

    /** Buckets of keys quiet for longer than a minute are full again; dropping them keeps the map small. */
    private static final int SWEEP_SIZE = 10_000;
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();

    KeyedRateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    Admission admit(K key) {
        long now = System.nanoTime();
        if (entries.size() > SWEEP_SIZE) {
            entries.values().removeIf(e -> now - e.lastSeen > MINUTE_NANOS);
        }
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                .build()));
        synchronized (entry) {
            entry.lastSeen = now;
            if (entry.bucket.tryConsume(1)) {
                return Admission.ALLOWED;
            }
            if (entry.noticeAt != 0 && now - entry.noticeAt < MINUTE_NANOS) {
                return Admission.REJECTED;
            }
            entry.noticeAt = now;
            return Admission.REJECTED_FIRST;
        }
    }

    private static final class Entry {
        final Bucket bucket;
        long lastSeen;
        long noticeAt;

        Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
