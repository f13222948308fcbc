package de.schulit.servicedesk.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies (HdrHistogram, microseconds up to one minute), error count and the app's CPU time of one measured phase.
 * CPU time per turn does not depend on what else runs on the machine, so it estimates the capacity of dedicated cores.
 */
final class Stats {

    private final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    private final LongAdder errors = new LongAdder();
    private final Supplier<Duration> appCpu;
    private final Supplier<Map<String, Double>> appThreads;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile Duration cpuAtStart = Duration.ZERO;
    private volatile Duration cpuAtEnd = Duration.ZERO;
    private volatile long ownCpuAtStart;
    private volatile long ownCpuAtEnd;
    private volatile Map<String, Double> threadsAtStart = Map.of();
    private volatile Map<String, Double> threadsAtEnd = Map.of();

    Stats(AppProcess app) {
        this.appCpu = app::cpu;
        this.appThreads = () -> ThreadCpu.of(app.pid());
    }

    void start() {
        cpuAtStart = appCpu.get();
        threadsAtStart = appThreads.get();
        ownCpuAtStart = ownCpuNanos();
        startNanos = System.nanoTime();
    }

    void end() {
        endNanos = System.nanoTime();
        cpuAtEnd = appCpu.get();
        threadsAtEnd = appThreads.get();
        ownCpuAtEnd = ownCpuNanos();
    }

    /** The harness's own CPU time: on the same cores as the app, it is what the app did not get. */
    private static long ownCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    void record(long startedNanos) {
        latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos),
                latencies.getHighestTrackableValue()));
    }

    void error() {
        errors.increment();
    }

    long count() {
        return latencies.getTotalCount();
    }

    double perSecond() {
        return count() / ((endNanos - startNanos) / 1e9);
    }

    String report(String name) {
        double seconds = (endNanos - startNanos) / 1e9;
        double cpuMsPerTurn = cpuAtEnd.minus(cpuAtStart).toNanos() / 1e6 / Math.max(1, count());
        return String.format(Locale.ROOT,
                "%-40s %7d turns in %4.1f s = %7.1f turns/s | latency ms p50 %7.2f p95 %7.2f p99 %7.2f max %8.2f"
                        + " | errors %d | app CPU %.2f ms/turn, %.0f%% of one core | harness CPU %.2f ms/turn",
                name, count(), seconds, perSecond(), ms(50), ms(95), ms(99), latencies.getMaxValue() / 1000.0,
                errors.sum(), cpuMsPerTurn, cpuAtEnd.minus(cpuAtStart).toNanos() / 1e7 / seconds,
                (ownCpuAtEnd - ownCpuAtStart) / 1e6 / Math.max(1, count()))
                + threadShares();
    }

    /** Where the app's CPU went, and a warning when the JIT compiler took a good part of it. */
    private String threadShares() {
        String shares = ThreadCpu.shares(threadsAtStart, threadsAtEnd);
        if (shares.isEmpty()) {
            return "";
        }
        double jit = ThreadCpu.jitShare(threadsAtStart, threadsAtEnd);
        return "\n  app CPU by thread: " + shares + (jit > 0.05 ? String.format(Locale.ROOT,
                "\n  the JIT compiler was still busy (%.0f%% of the app's CPU): the figures include warm-up, use a longer"
                        + " --warmup", 100 * jit) : "");
    }

    private double ms(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }
}
