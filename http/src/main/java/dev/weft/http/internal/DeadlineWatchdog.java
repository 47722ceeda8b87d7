package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.http.HttpLimits;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the read deadlines of every connection of one HTTP server from a single thread, so
 * reads need no timer each (a timer per read costs more than the rest of a small request). It
 * scans a few times per shortest timeout — every quarter of it, between 10 ms and 1 s — so a
 * deadline is enforced at most that late.
 */
public final class DeadlineWatchdog implements Runnable {

    private final Set<ReadDeadline> deadlines = ConcurrentHashMap.newKeySet();
    private final Duration period;
    private volatile boolean running = true;
    private volatile Thread thread;

    /** A watchdog for connections under {@code limits}. */
    public DeadlineWatchdog(HttpLimits limits) {
        Duration shortest = min(limits.idleTimeout(), min(limits.headerTimeout(), limits.bodyReadTimeout()));
        Duration quarter = shortest.dividedBy(4);
        this.period = min(Duration.ofSeconds(1), quarter.compareTo(Duration.ofMillis(10)) < 0
                ? Duration.ofMillis(10) : quarter);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Starts watching {@code connection}; pair with {@link #unregister}. */
    ReadDeadline register(Connection connection) {
        ReadDeadline deadline = new ReadDeadline(connection);
        deadlines.add(deadline);
        return deadline;
    }

    /** Stops watching. */
    void unregister(ReadDeadline deadline) {
        deadlines.remove(deadline);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                // stop() interrupts to end the loop promptly; the flag decides.
                continue;
            }
            scan(System.nanoTime());
        }
    }

    /** Expires every deadline due at {@code now}. */
    void scan(long now) {
        for (ReadDeadline deadline : deadlines) {
            deadline.expireIfDue(now);
        }
    }

    /** Ends the loop. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
