package dev.weft.http.internal.websocket;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the deadlines of many sessions — keep-alive pings, pong deadlines, idle timeouts,
 * close timeouts — from one thread that sleeps until the earliest. One per server.
 *
 * <p>A session is not rescheduled on every frame: it publishes timestamps, and when its
 * wake-up comes it looks at them and names its next wake-up (often later than planned, because
 * the peer was active meanwhile). Only the latest wake-up a session asked for counts, so
 * scheduling an earlier one (a close deadline) leaves the older entry to fire harmlessly.
 */
final class SessionTimer implements AutoCloseable {

    /** Something with deadlines. */
    interface Timed {
        /**
         * Acts on the deadlines that passed.
         *
         * @param nowNanos {@link System#nanoTime()}
         * @return when to be woken next ({@link System#nanoTime()} scale), or {@link #NEVER}
         */
        long onTimer(long nowNanos);
    }

    /** Returned by {@link Timed#onTimer} for no further wake-up. */
    static final long NEVER = Long.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(SessionTimer.class);

    private final DelayQueue<WakeUp> queue = new DelayQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts the timer thread.
     *
     * @param start starts the given task on a new thread (the server's, so the server's stop
     *              awaits it) and returns that thread
     */
    SessionTimer(Function<Runnable, Thread> start) {
        this.thread = start.apply(this::run);
    }

    /** A session's place in the timer; create one per session and cancel it when the session ends. */
    Slot slot(Timed timed) {
        return new Slot(timed);
    }

    private void run() {
        while (running) {
            WakeUp wakeUp;
            try {
                wakeUp = queue.take();
            } catch (InterruptedException e) {
                // close() interrupts to end the loop; the flag decides
                continue;
            }
            wakeUp.fire();
        }
    }

    /** Stops the thread; pending wake-ups are dropped. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        queue.clear();
    }

    /** The wake-up of one session: only the latest scheduled counts. */
    final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private long generation;
        private long scheduledAt = NEVER;
        /** Null once cancelled, so a stale wake-up still queued holds no session. */
        private Timed timed;

        private Slot(Timed timed) {
            this.timed = timed;
        }

        /** Wakes the session at {@code atNanos}, unless it is to be woken earlier already. */
        void wakeAt(long atNanos) {
            lock.lock();
            try {
                if (timed == null || scheduledAt <= atNanos) {
                    return;
                }
                scheduledAt = atNanos;
                queue.add(new WakeUp(this, ++generation, atNanos));
            } finally {
                lock.unlock();
            }
        }

        /** Forgets any wake-up, for good. */
        void cancel() {
            lock.lock();
            try {
                timed = null;
                generation++;
                scheduledAt = NEVER;
            } finally {
                lock.unlock();
            }
        }

        private void fire(long firedGeneration) {
            Timed target;
            lock.lock();
            try {
                if (firedGeneration != generation || timed == null) {
                    return;
                }
                scheduledAt = NEVER;
                target = timed;
            } finally {
                lock.unlock();
            }
            long next;
            try {
                next = target.onTimer(System.nanoTime());
            } catch (RuntimeException e) {
                log.error("{} deadline check failed", target, e);
                return;
            }
            if (next != NEVER) {
                wakeAt(next);
            }
        }
    }

    private record WakeUp(Slot slot, long generation, long atNanos) implements Delayed {
        void fire() {
            slot.fire(generation);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(atNanos, ((WakeUp) other).atNanos);
        }
    }
}
