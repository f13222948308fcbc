package de.schulit.servicedesk.channel;

/**
 * Work that must run on one app instance at a time when several share a database: a messenger's long polling or
 * sync (the platform allows one consumer per bot), the processing of stored updates, the delivery from the outbox.
 * A connector hands its start and stop to {@link #whileLeader}; they are called on the instance that holds the
 * named role, and again on another instance when the holder stops or dies.
 */
public interface Leadership {

    /**
     * Calls {@code elected} when this instance gets the role and {@code revoked} when it loses it (the lock could not
     * be renewed) or gives it up; both from one thread, never overlapping. Closing the returned handle gives the role
     * up (calling {@code revoked} first if it was held).
     */
    Role whileLeader(String role, Runnable elected, Runnable revoked);

    /** A held or awaited role; closing it ends the candidacy. */
    interface Role extends AutoCloseable {

        boolean isLeader();

        @Override
        void close();
    }
}
