package de.schulit.servicedesk.channel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that works through a connector's stored inbound items (Telegram updates, Matrix events) in the
 * order they were stored. Processing an item is the connector's business (a dialog turn and marking the item done, in
 * one transaction). A failing item is retried with growing backoff and holds back the later ones, because order
 * matters within a chat; after {@value #ATTEMPTS} failures it is given up, so one broken item cannot stop the channel.
 */
public final class StoredInputWorker<T> {

    public static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(StoredInputWorker.class);
    private static final int BATCH = 50;
    private static final long POLL_NANOS = Duration.ofSeconds(1).toNanos();

    private final String what;
    private final IntFunction<List<T>> unprocessed;
    private final Function<T, Object> id;
    private final Consumer<T> process;
    private final Consumer<T> giveUp;
    private final Runnable housekeeping;
    private final Map<Object, Integer> failures = new HashMap<>();
    private final WakeableWorker worker;

    /**
     * @param what         the item in log lines, e.g. "Telegram update"
     * @param unprocessed  the oldest unprocessed items, at most the given number
     * @param giveUp       called instead of processing after the last failed attempt (e.g. an apology to the user)
     * @param housekeeping run after every round (e.g. purging old processed items now and then)
     */
    public StoredInputWorker(String threadName, String what, IntFunction<List<T>> unprocessed, Function<T, Object> id,
                             Consumer<T> process, Consumer<T> giveUp, Runnable housekeeping) {
        this.what = what;
        this.unprocessed = unprocessed;
        this.id = id;
        this.process = process;
        this.giveUp = giveUp;
        this.housekeeping = housekeeping;
        this.worker = new WakeableWorker(threadName, Duration.ofSeconds(15), this::round);
    }

    public void start() {
        worker.start();
    }

    public void stop() {
        worker.stop();
    }

    /** New items were stored. */
    public void nudge() {
        worker.nudge();
    }

    /** A failed item backs off regardless of new arrivals: they would only hit the same failure. */
    private WakeableWorker.Rest round() {
        try {
            long backoff = processStored();
            housekeeping.run();
            return backoff > 0 ? WakeableWorker.Rest.backOff(backoff) : WakeableWorker.Rest.upTo(POLL_NANOS);
        } catch (RuntimeException e) {
            log.warn("Reading stored {}s failed, trying again shortly: {}", what, e.toString());
            return WakeableWorker.Rest.upTo(POLL_NANOS);
        }
    }

    /** Processes what is stored; returns a backoff in nanoseconds when an item failed, else 0. */
    private long processStored() {
        List<T> batch = unprocessed.apply(BATCH);
        while (!batch.isEmpty() && worker.isRunning()) {
            for (T item : batch) {
                if (!worker.isRunning()) {
                    return 0;
                }
                Object key = id.apply(item);
                try {
                    process.accept(item);
                    failures.remove(key);
                } catch (RuntimeException e) {
                    int attempt = failures.merge(key, 1, Integer::sum);
                    if (attempt >= ATTEMPTS) {
                        log.error("Giving up {} {} after {} attempts", what, key, attempt, e);
                        giveUp.accept(item);
                        failures.remove(key);
                        continue;
                    }
                    log.warn("{} {} failed (attempt {}), trying again: {}", what, key, attempt, e.toString());
                    return TimeUnit.MILLISECONDS.toNanos(500L << (attempt - 1));
                }
            }
            batch = unprocessed.apply(BATCH);
        }
        return 0;
    }
}
