package dev.weft.core.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The start-once, stop-any-number-of-times state machine every Weft server follows:
 * {@code NEW → RUNNING → STOPPED}, or {@code NEW → STOPPED} when stopped before it started.
 *
 * <p>{@link #start} and {@link #stop} run their action under one lock, so a stop waits for a
 * start in progress and concurrent stops run the action once; later stops return at once.
 * {@link #awaitStop()} returns once stopped. The lock is a {@link ReentrantLock}: a stop may
 * block for a whole grace period, and must not pin a virtual thread's carrier meanwhile.
 */
public final class ServerLifecycle {

    /** Work done while starting; throwing leaves the server unstarted. */
    @FunctionalInterface
    public interface StartAction {
        /**
         * Binds and starts the server's threads.
         *
         * @throws IOException when binding fails
         */
        void run() throws IOException;
    }

    private enum State { NEW, RUNNING, STOPPED }

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.NEW;

    /**
     * A lifecycle not started yet.
     *
     * @param name the server's name, for messages
     */
    public ServerLifecycle(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Runs {@code action} and marks the server running.
     *
     * @param action binds and starts the server's threads
     * @throws IllegalStateException if it was started (or stopped) before
     * @throws IOException when {@code action} fails; the server is not marked running
     */
    public void start(StartAction action) throws IOException {
        lock.lock();
        try {
            if (state != State.NEW) {
                throw new IllegalStateException(name + " server was already started");
            }
            action.run();
            state = State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code action} if the server is running, then marks it stopped; a server never
     * started is just marked stopped, and a stopped one is left alone.
     *
     * @param action stops the server's threads and closes what it holds
     */
    public void stop(Runnable action) {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                try {
                    action.run();
                } finally {
                    state = State.STOPPED;
                    stopped.countDown();
                }
            } else if (state == State.NEW) {
                state = State.STOPPED;
                stopped.countDown();
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether the server has started and not yet finished stopping} */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Blocks until the server has stopped.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
