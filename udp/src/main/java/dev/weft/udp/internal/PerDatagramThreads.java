package dev.weft.udp.internal;

import dev.weft.udp.Datagram;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Handles each datagram on a virtual thread of its own, at most {@code maxInFlight} at once —
 * bounded by a semaphore, never a pool. Over the limit a datagram is dropped and counted.
 *
 * <p>Keeps the threads it started until they are seen to have terminated — a thread never
 * removes itself, since it would still be alive for a moment after — so that stopping can join
 * every one and prove none is left. Terminated ones are purged once the set holds twice
 * {@code maxInFlight}, which keeps it bounded at an amortised constant cost per datagram.
 */
public final class PerDatagramThreads {

    private final HandlerInvoker invoker;
    private final UdpCounters counters;
    private final Semaphore permits;
    private final Thread.Builder threads;
    private final int maxInFlight;
    private final Set<Thread> started = ConcurrentHashMap.newKeySet();

    /**
     * A dispatcher with no thread yet.
     *
     * @param serverName  prefix of the thread names
     * @param maxInFlight the most datagrams handled at once
     * @param invoker     runs the handler
     * @param counters    where drops are counted
     */
    public PerDatagramThreads(String serverName, int maxInFlight, HandlerInvoker invoker, UdpCounters counters) {
        this.invoker = invoker;
        this.counters = counters;
        this.permits = new Semaphore(maxInFlight);
        this.maxInFlight = maxInFlight;
        this.threads = Thread.ofVirtual().name(serverName + "-datagram-", 0);
    }

    /**
     * Starts a thread for {@code datagram}, which must own its payload; drops it if
     * {@code maxInFlight} are already being handled.
     *
     * @param datagram the datagram, owning its payload
     */
    public void dispatch(Datagram datagram) {
        if (!permits.tryAcquire()) {
            counters.droppedQueueFull.increment();
            return;
        }
        Thread thread = threads.unstarted(() -> {
            try {
                invoker.invoke(datagram);
            } finally {
                permits.release();
            }
        });
        if (started.size() >= 2 * maxInFlight) {
            started.removeIf(t -> !t.isAlive());
        }
        started.add(thread);
        thread.start();
    }

    /**
     * Waits for the live threads until {@code deadlineNanos} ({@link System#nanoTime()}), then
     * interrupts what is left and waits up to {@code unwind} more.
     *
     * @param deadlineNanos the {@link System#nanoTime()} deadline of the grace period
     * @param unwind        how long to wait after interrupting
     * @return the threads still alive after all that (empty unless a handler ignores interrupts)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public List<Thread> finish(long deadlineNanos, Duration unwind) throws InterruptedException {
        if (!awaitAll(deadlineNanos)) {
            started.forEach(Thread::interrupt);
            awaitAll(System.nanoTime() + unwind.toNanos());
        }
        return started.stream().filter(Thread::isAlive).toList();
    }

    /** Joins the threads until the deadline; forgets those that ended; returns whether all did. */
    private boolean awaitAll(long deadlineNanos) throws InterruptedException {
        for (Thread thread : List.copyOf(started)) {
            long remaining = Math.max(0, deadlineNanos - System.nanoTime());
            if (thread.join(Duration.ofNanos(remaining))) {
                started.remove(thread);
            }
        }
        return started.isEmpty();
    }
}
