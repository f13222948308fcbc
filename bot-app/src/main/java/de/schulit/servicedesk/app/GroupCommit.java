package de.schulit.servicedesk.app;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed work durable with one flush for many committers: a caller returns only after a flush that began
 * after it called has completed. One caller at a time runs the flush (the leader); those arriving meanwhile wait and
 * share the next one, so under load one flush covers as many commits as arrived during the previous one.
 */
final class GroupCommit {

    private final Runnable flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushDone = lock.newCondition();
    private long flushesStarted;
    private long flushesCompleted;
    private boolean flushing;

    GroupCommit(Runnable flush) {
        this.flush = flush;
    }

    /** Blocks until everything committed before this call is flushed; a failed flush is thrown to its leader. */
    void awaitFlushed() {
        lock.lock();
        try {
            long needed = flushesStarted + 1; // a flush running now may have begun before our commit
            while (flushesCompleted < needed) {
                if (flushing) {
                    flushDone.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long mine = ++flushesStarted;
                lock.unlock();
                boolean succeeded = false;
                try {
                    flush.run();
                    succeeded = true;
                } finally {
                    lock.lock();
                    flushing = false;
                    if (succeeded) {
                        flushesCompleted = mine;
                    }
                    flushDone.signalAll(); // on failure a waiter becomes the next leader and tries again
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The number of the newest flush that completed; flushes are numbered as they start, failed ones included. */
    long flushes() {
        lock.lock();
        try {
            return flushesCompleted;
        } finally {
            lock.unlock();
        }
    }
}
