package de.schulit.servicedesk.app;

import de.schulit.servicedesk.channel.Leadership;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Leadership} by a lease: a row of the {@code shedlock} table, taken and renewed with ShedLock's JDBC lock
 * provider on the database's clock. The holder renews it every {@code lease/3}; a killed holder stops renewing and
 * another instance takes the role when the lease has run out. A holder that cannot renew in time (database away,
 * long pause) gives the role up before its lease ends, so two instances never work at once as long as pauses stay
 * shorter than a third of the lease. Works on H2 (a single instance) and PostgreSQL alike.
 */
final class LeaseLeadership implements Leadership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseLeadership.class);

    private final LockProvider locks;
    private final Duration lease;
    private final Duration renewEvery;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "leadership");
        thread.setDaemon(true);
        return thread;
    });

    LeaseLeadership(LockProvider locks, ClusterProperties properties, Clock clock) {
        this.locks = locks;
        this.lease = properties.lease();
        this.renewEvery = properties.renewEvery();
        this.clock = clock;
    }

    @Override
    public Role whileLeader(String role, Runnable elected, Runnable revoked) {
        Candidacy candidacy = new Candidacy("leader-" + role, elected, revoked);
        candidacy.ticks = executor.scheduleWithFixedDelay(candidacy::tick, 0, renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        return candidacy;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One role; every method runs on the single leadership thread except {@link #close()}, which waits for it. */
    private final class Candidacy implements Role {
        private final String lockName;
        private final Runnable elected;
        private final Runnable revoked;
        private ScheduledFuture<?> ticks;
        private volatile SimpleLock lock;
        private long renewedAt;

        Candidacy(String lockName, Runnable elected, Runnable revoked) {
            this.lockName = lockName;
            this.elected = elected;
            this.revoked = revoked;
        }

        @Override
        public boolean isLeader() {
            return lock != null;
        }

        void tick() {
            if (lock == null) {
                tryToLead();
            } else {
                renew();
            }
        }

        private void tryToLead() {
            Optional<SimpleLock> taken;
            try {
                taken = locks.lock(new LockConfiguration(clock.instant(), lockName, lease, Duration.ZERO));
            } catch (RuntimeException e) {
                log.warn("Could not try to take the lock {}: {}", lockName, e.toString());
                return;
            }
            if (taken.isEmpty()) {
                return;
            }
            lock = taken.get();
            renewedAt = System.nanoTime();
            log.info("This instance now holds {}", lockName);
            try {
                elected.run();
            } catch (RuntimeException e) {
                log.error("Starting the work of {} failed; giving the role up", lockName, e);
                giveUp();
            }
        }

        private void renew() {
            try {
                Optional<SimpleLock> extended = lock.extend(lease, Duration.ZERO);
                if (extended.isPresent()) {
                    lock = extended.get();
                    renewedAt = System.nanoTime();
                    return;
                }
                log.warn("Lost {}: another instance holds it now", lockName);
            } catch (RuntimeException e) {
                if (System.nanoTime() - renewedAt < lease.minus(renewEvery).toNanos()) {
                    log.warn("Could not renew {}, trying again: {}", lockName, e.toString());
                    return;
                }
                log.warn("Could not renew {} in time; giving the role up: {}", lockName, e.toString());
            }
            lock = null;
            runRevoked();
        }

        private void giveUp() {
            SimpleLock held = lock;
            lock = null;
            runRevoked();
            try {
                held.unlock(); // the next instance need not wait for the lease to run out
            } catch (RuntimeException e) {
                log.warn("Could not release {}; it expires by itself: {}", lockName, e.toString());
            }
        }

        private void runRevoked() {
            try {
                revoked.run();
            } catch (RuntimeException e) {
                log.error("Stopping the work of {} failed", lockName, e);
            }
        }

        @Override
        public void close() {
            ticks.cancel(false);
            try {
                executor.submit(() -> {
                    if (lock != null) {
                        log.info("Giving up {}", lockName);
                        giveUp();
                    }
                }).get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Giving up {} did not finish: {}", lockName, e.toString());
            }
        }
    }
}
