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
 * Tracks its live threads so that stopping can wait for them and prove none is left.
 */
public final class PerDatagramThreads {

    private final HandlerInvoker invoker;
    private final UdpCounters counters;
    private final Semaphore permits;
    private final Thread.Builder threads;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    /**
     * @param serverName  prefix of the thread names
     * @param maxInFlight the most datagrams handled at once
     * @param invoker     runs the handler
     * @param counters    where drops are counted
     */
    public PerDatagramThreads(String serverName, int maxInFlight, HandlerInvoker invoker, UdpCounters counters) {
        this.invoker = invoker;
        this.counters = counters;
        this.permits = new Semaphore(maxInFlight);
        this.threads = Thread.ofVirtual().name(serverName + "-datagram-", 0);
    }

    /**
     * Starts a thread for {@code datagram}, which must own its payload; drops it if
     * {@code maxInFlight} are already being handled.
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
                live.remove(Thread.currentThread());
                permits.release();
            }
        });
        live.add(thread);
        thread.start();
    }

    /**
     * Waits for the live threads until {@code deadlineNanos} ({@link System#nanoTime()}), then
     * interrupts what is left and waits up to {@code unwind} more.
     *
     * @return the threads still alive after all that (empty unless a handler ignores interrupts)
     */
    public List<Thread> finish(long deadlineNanos, Duration unwind) throws InterruptedException {
        if (!awaitAll(deadlineNanos)) {
            live.forEach(Thread::interrupt);
            awaitAll(System.nanoTime() + unwind.toNanos());
        }
        return List.copyOf(live);
    }

    private boolean awaitAll(long deadlineNanos) throws InterruptedException {
        for (Thread thread : List.copyOf(live)) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0 || !thread.join(Duration.ofNanos(remaining))) {
                break;
            }
        }
        return live.isEmpty();
    }
}
