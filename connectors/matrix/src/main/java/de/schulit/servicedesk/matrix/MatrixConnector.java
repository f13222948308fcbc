package de.schulit.servicedesk.matrix;

import org.springframework.context.SmartLifecycle;

/**
 * The Matrix channel's lifecycle: the event processor and the dispatcher run from the start; the sync loop starts
 * with them and keeps retrying in the background while the homeserver is unreachable, so the app starts anyway.
 */
final class MatrixConnector implements SmartLifecycle {

    private final MatrixEventProcessor processor;
    private final MatrixDispatcher dispatcher;
    private final MatrixSync sync;
    private volatile boolean running;

    MatrixConnector(MatrixEventProcessor processor, MatrixDispatcher dispatcher, MatrixSync sync) {
        this.processor = processor;
        this.dispatcher = dispatcher;
        this.sync = sync;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        processor.start();
        dispatcher.start();
        sync.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        sync.stop();
        processor.stop();
        dispatcher.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
