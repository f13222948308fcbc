package de.schulit.servicedesk.matrix;

import de.schulit.servicedesk.channel.Leadership;
import org.springframework.context.SmartLifecycle;

/**
 * The Matrix channel's lifecycle. A homeserver account has one sync position, so the sync loop, the event processor
 * and the dispatcher run only on the instance that holds the {@code matrix} role (several instances on one database);
 * the sync keeps retrying in the background while the homeserver is unreachable, so the app starts anyway.
 */
final class MatrixConnector implements SmartLifecycle {

    static final String ROLE = "matrix";

    private final MatrixEventProcessor processor;
    private final MatrixDispatcher dispatcher;
    private final MatrixSync sync;
    private final Leadership leadership;
    private volatile Leadership.Role role;
    private volatile boolean working;

    MatrixConnector(MatrixEventProcessor processor, MatrixDispatcher dispatcher, MatrixSync sync, Leadership leadership) {
        this.processor = processor;
        this.dispatcher = dispatcher;
        this.sync = sync;
        this.leadership = leadership;
    }

    @Override
    public void start() {
        if (role == null) {
            role = leadership.whileLeader(ROLE, this::startWork, this::stopWork);
        }
    }

    /** Not synchronized: closing the role waits for {@link #startWork()} or {@link #stopWork()} to finish. */
    @Override
    public void stop() {
        if (role != null) {
            role.close();
            role = null;
        }
    }

    @Override
    public boolean isRunning() {
        return role != null;
    }

    /** True while this instance syncs and delivers (it is the leader). */
    boolean isWorking() {
        return working;
    }

    private synchronized void startWork() {
        if (working) {
            return;
        }
        working = true;
        processor.start();
        dispatcher.start();
        sync.start();
    }

    private synchronized void stopWork() {
        working = false;
        sync.stop();
        processor.stop();
        dispatcher.stop();
    }
}
