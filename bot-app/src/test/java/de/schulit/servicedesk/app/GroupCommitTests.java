package de.schulit.servicedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger flushes = new AtomicInteger();
    private final CountDownLatch firstFlushRunning = new CountDownLatch(1);
    private final CountDownLatch releaseFirstFlush = new CountDownLatch(1);
    /** Its first flush announces itself and runs until {@link #releaseFirstFlush}; the others return at once. */
    private final GroupCommit group = new GroupCommit(() -> {
        if (flushes.incrementAndGet() == 1) {
            firstFlushRunning.countDown();
            await(releaseFirstFlush);
        }
    });

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aCallerWaitsForAFlushThatBeganAfterItCalled() throws Exception {
        Future<?> first = callerWhoseFlushIsHeld();

        // arrives while flush 1 runs: flush 1 may have begun before its commit, so it needs flush 2
        Future<?> second = threads.submit(group::awaitFlushed);
        Thread.sleep(100);
        assertThat(second).isNotDone();
        releaseFirstFlush.countDown();

        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(flushes).hasValue(2);
        assertThat(group.flushes()).isEqualTo(2);
    }

    @Test
    void callersArrivingDuringAFlushShareTheNextOne() throws Exception {
        Future<?> first = callerWhoseFlushIsHeld();
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(threads.submit(group::awaitFlushed));
        }
        Thread.sleep(200); // all 20 are waiting for flush 1 to end
        releaseFirstFlush.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<?> caller : waiting) {
            caller.get(5, TimeUnit.SECONDS);
        }
        assertThat(flushes).as("flush 1, then one flush for all 20").hasValue(2);
    }

    @Test
    void underConcurrentLoadNoCallerReturnsBeforeAFlushThatStartedAfterIt() throws Exception {
        AtomicLong flushStarts = new AtomicLong();
        AtomicLong flushEnds = new AtomicLong();
        AtomicBoolean violated = new AtomicBoolean();
        GroupCommit spinning = new GroupCommit(() -> {
            flushStarts.incrementAndGet();
            Thread.onSpinWait();
            flushEnds.incrementAndGet();
        });
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(threads.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    long startedBefore = flushStarts.get();
                    spinning.awaitFlushed();
                    if (flushEnds.get() <= startedBefore) {
                        violated.set(true);
                    }
                }
            }));
        }
        for (Future<?> caller : callers) {
            caller.get(30, TimeUnit.SECONDS);
        }
        assertThat(violated).isFalse();
        assertThat(spinning.flushes()).isLessThanOrEqualTo(16_000).isEqualTo(flushEnds.get());
    }

    @Test
    void aFailedFlushFailsItsLeaderAndTheNextCallerFlushesAgain() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit failingOnce = new GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });
        assertThatThrownBy(failingOnce::awaitFlushed).hasMessage("disk full");
        assertThat(failingOnce.flushes()).isZero();

        failingOnce.awaitFlushed();
        assertThat(calls).hasValue(2);
        assertThat(failingOnce.flushes()).isEqualTo(2);
    }

    /** A caller of {@link #group} whose flush, the first, is running and held. */
    private Future<?> callerWhoseFlushIsHeld() {
        Future<?> caller = threads.submit(group::awaitFlushed);
        await(firstFlushRunning);
        return caller;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
