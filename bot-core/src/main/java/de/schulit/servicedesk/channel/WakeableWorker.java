package de.schulit.servicedesk.channel;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A daemon thread that runs rounds of work (a connector's dispatcher or processor). After each round it rests as
 * long as the round asked; {@link #nudge()} ends a rest early unless the round asked to back off regardless. {@link #stop()} wakes the thread and waits for
 * it: it never interrupts, because an interrupt during H2's file I/O closes the database for the whole app.
 */
public final class WakeableWorker {

    /** How long to rest after a round; zero goes on at once. */
    public record Rest(long nanos, boolean ignoreNudges) {

        public static final Rest NONE = new Rest(0, false);

        public static Rest upTo(long nanos) {
            return new Rest(nanos, false);
        }

        public static Rest backOff(long nanos) {
            return new Rest(nanos, true);
        }
    }

    private final String name;
    private final Duration joinTimeout;
    private final Supplier<Rest> round;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean nudged;
    private volatile boolean running;
    private Thread thread;

    public WakeableWorker(String name, Duration joinTimeout, Supplier<Rest> round) {
        this.name = name;
        this.joinTimeout = joinTimeout;
        this.round = round;
    }

    public boolean isRunning() {
        return running;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        nudge();
        if (thread != null) {
            try {
                thread.join(joinTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** There is new work: end the current rest now instead of at its end. */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            Rest rest = round.get();
            if (rest.nanos() > 0) {
                rest(rest);
            }
        }
    }

    private void rest(Rest rest) {
        lock.lock();
        try {
            long left = rest.nanos();
            while ((rest.ignoreNudges() || !nudged) && running && left > 0) {
                left = wakeUp.awaitNanos(left);
            }
            nudged = false;
        } catch (InterruptedException e) {
            // Nobody interrupts this thread; the loop checks running, and restoring the flag would make it spin.
        } finally {
            lock.unlock();
        }
    }
}
