package de.schulit.servicedesk.load;

import java.util.function.DoubleSupplier;

/**
 * When one paced user's turns are due: every interval, whatever the answers took (an open loop). A turn that is late
 * because the one before it was slow is sent at once but keeps its due time, from which its latency counts. When the
 * measurement begins the schedule starts afresh, so the warm-up's backlog (its first seconds are slow: JIT) is not
 * part of it. Users start spread over one interval.
 */
final class Schedule {

    private final long intervalNanos;
    private final DoubleSupplier random;
    private long dueNanos;
    private boolean restarted;

    Schedule(long intervalNanos, long nowNanos, DoubleSupplier random) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
        this.random = random;
        this.dueNanos = nowNanos + offset();
    }

    /**
     * The due time of the next turn, to be waited for when it is still ahead.
     *
     * @param measuredFromNanos when the measurement began, or null during the warm-up
     */
    long next(long nowNanos, Long measuredFromNanos) {
        if (measuredFromNanos != null && !restarted) {
            dueNanos = Math.max(nowNanos, measuredFromNanos + offset());
            restarted = true;
        }
        long due = dueNanos;
        dueNanos += intervalNanos;
        return due;
    }

    private long offset() {
        return (long) (random.getAsDouble() * intervalNanos);
    }
}
