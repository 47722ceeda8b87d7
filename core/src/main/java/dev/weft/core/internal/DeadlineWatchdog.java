package dev.weft.core.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the read and write deadlines of all connections of one server, from one thread that
 * sleeps until the earliest deadline.
 *
 * <p>A blocking read or write on a virtual thread that is given a time limit arms a timer each
 * time it has to wait — on a small request/response exchange the largest single cost, and a
 * scheduled task held by every idle connection. Instead, each connection publishes the absolute
 * deadline of the operation it is blocked in (one volatile write), and this thread scans the
 * connections when the earliest deadline is due, expires those past theirs (which closes them and
 * fails the blocked operation at once) and sleeps until the next earliest one.
 *
 * <p>A connection that publishes a deadline earlier than the planned wake-up {@linkplain
 * #published(long) wakes the thread}, which rescans. Nothing a connection does changes anything
 * for the others: a short deadline costs one extra scan when it is published and is forgotten
 * once it is gone. The wake-up protocol cannot lose a deadline: while scanning, the thread counts
 * as awake and any publication leaves a wake-up permit, so the next sleep returns at once.
 *
 * <p>A failure inside a scan is logged and the thread goes on enforcing deadlines.
 */
public final class DeadlineWatchdog implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);
    /** The sleep when no deadline is pending: publishing one wakes the thread anyway. */
    static final long MAX_SLEEP_NANOS = Duration.ofHours(1).toNanos();
    /** The shortest pause between scans, so a storm of wake-ups cannot make the thread spin. */
    private static final long MIN_SLEEP_NANOS = Duration.ofMillis(1).toNanos();
    /** After a failed scan: retry soon, whatever the deadlines. */
    private static final long RETRY_NANOS = Duration.ofMillis(100).toNanos();

    private final String name;
    private final Collection<? extends Deadlined> watched;
    private final LongAdder scans = new LongAdder();
    private volatile boolean awake = true;
    private volatile long plannedWakeNanos;
    private volatile boolean running = true;
    private volatile Thread thread;

    /**
     * A watchdog whose thread is not started yet.
     *
     * @param name    the server's name, for log lines
     * @param watched the live connections, read afresh at every scan
     */
    public DeadlineWatchdog(String name, Collection<? extends Deadlined> watched) {
        this.name = name;
        this.watched = watched;
    }

    /**
     * Called by a connection after it published {@code deadlineNanos}: wakes the thread when the
     * deadline comes before its planned wake-up.
     *
     * @param deadlineNanos the {@link System#nanoTime()} deadline published
     */
    public void published(long deadlineNanos) {
        if (awake || deadlineNanos - plannedWakeNanos < 0) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            awake = true;
            long now = System.nanoTime();
            long next;
            try {
                next = scan(now);
            } catch (RuntimeException | Error e) {
                log.error("{} deadline scan failed; deadlines are still enforced", name, e);
                next = now + RETRY_NANOS;
            }
            plannedWakeNanos = next;
            awake = false;
            long sleep = Math.max(MIN_SLEEP_NANOS, next - System.nanoTime());
            LockSupport.parkNanos(this, sleep);
        }
    }

    /**
     * Expires every operation past its deadline at {@code now}.
     *
     * @return the earliest deadline still ahead, or {@code now + MAX_SLEEP} when there is none
     */
    long scan(long now) {
        scans.increment();
        long earliest = now + MAX_SLEEP_NANOS;
        for (Deadlined target : watched) {
            if (!target.isOpen()) {
                continue;
            }
            long write = target.writeDeadline();
            if (write != 0) {
                if (now - write >= 0) {
                    target.expireWrite();
                    continue;
                }
                earliest = earlier(earliest, write);
            }
            long read = target.readDeadline();
            if (read != 0) {
                if (now - read >= 0) {
                    target.expireRead();
                    continue;
                }
                earliest = earlier(earliest, read);
            }
        }
        return earliest;
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /** When the thread plans to wake up next ({@link System#nanoTime()}); for tests. */
    long plannedWakeNanos() {
        return plannedWakeNanos;
    }

    /** How many scans have run; for tests. */
    long scans() {
        return scans.sum();
    }

    /** Ends the loop. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
