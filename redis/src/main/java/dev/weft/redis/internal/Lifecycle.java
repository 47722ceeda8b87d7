package dev.weft.redis.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stop signal every thread of the bridge waits on instead of sleeping: closing (finish what
 * is owed, then stop) or halting (stop at once, owe nothing — how a crash looks to the others).
 */
public final class Lifecycle {

    private final CountDownLatch closing = new CountDownLatch(1);
    private final ReentrantLock retryLock = new ReentrantLock();
    private final Condition retryNow = retryLock.newCondition();
    private long wakeUps;
    private volatile boolean halted;

    /** Asks every thread to finish. */
    public void close() {
        closing.countDown();
        wakeRetries();
    }

    /** Asks every thread to stop at once, without cleaning anything up. */
    public void halt() {
        halted = true;
        closing.countDown();
        wakeRetries();
    }

    /**
     * Ends every {@link #pauseBeforeRetry} now: one connection just reached Redis, so the others
     * need not wait out their back-off to find it back.
     */
    public void wakeRetries() {
        retryLock.lock();
        try {
            wakeUps++;
            retryNow.signalAll();
        } finally {
            retryLock.unlock();
        }
    }

    /**
     * Waits {@code backoff} before reconnecting, or less if closing is asked or another
     * connection reached Redis meanwhile ({@link #wakeRetries}).
     *
     * @return whether closing was asked
     */
    public boolean pauseBeforeRetry(Duration backoff) {
        long deadline = System.nanoTime() + backoff.toNanos();
        retryLock.lock();
        try {
            long seen = wakeUps;
            for (long left = backoff.toNanos(); !closing() && wakeUps == seen && left > 0;
                 left = deadline - System.nanoTime()) {
                retryNow.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            retryLock.unlock();
        }
        return closing();
    }

    /** Whether closing (or halting) was asked. */
    public boolean closing() {
        return closing.getCount() == 0;
    }

    /** Whether halting was asked. */
    public boolean halted() {
        return halted;
    }

    /**
     * Waits {@code pause}, or less if closing is asked meanwhile.
     *
     * @return whether closing was asked
     */
    public boolean pause(Duration pause) {
        try {
            return closing.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
