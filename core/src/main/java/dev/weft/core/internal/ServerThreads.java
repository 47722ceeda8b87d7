package dev.weft.core.internal;

import dev.weft.core.ThreadMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts every thread of one server — one per connection, never a pool — and keeps track of the
 * live ones, so that {@code stop()} can wait for them and prove none is left.
 */
public final class ServerThreads {

    private final ThreadMode mode;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    /**
     * A tracker with no thread yet.
     *
     * @param mode the kind of thread to start
     */
    public ServerThreads(ThreadMode mode) {
        this.mode = mode;
    }

    /**
     * Starts {@code task} on a new thread named {@code name}; the thread is tracked until it ends.
     *
     * @param name the thread's name
     * @param task what the thread runs
     * @return the started thread
     */
    public Thread start(String name, Runnable task) {
        Runnable tracked = () -> {
            try {
                task.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        };
        Thread thread = switch (mode) {
            case VIRTUAL -> Thread.ofVirtual().name(name).unstarted(tracked);
            case PLATFORM -> Thread.ofPlatform().name(name).daemon(true).unstarted(tracked);
        };
        live.add(thread);
        thread.start();
        return thread;
    }

    /**
     * Waits until every tracked thread has ended or the deadline passes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} deadline
     * @return whether all threads ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitAll(long deadlineNanos) throws InterruptedException {
        for (Thread thread : List.copyOf(live)) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0 || !thread.join(Duration.ofNanos(remaining))) {
                return live.isEmpty();
            }
        }
        return live.isEmpty();
    }

    /** Interrupts every live thread. */
    public void interruptAll() {
        live.forEach(Thread::interrupt);
    }

    /** {@return how many tracked threads are alive now} */
    public int count() {
        return live.size();
    }

    /** {@return a copy of the tracked threads alive now} */
    public List<Thread> live() {
        return List.copyOf(live);
    }
}
