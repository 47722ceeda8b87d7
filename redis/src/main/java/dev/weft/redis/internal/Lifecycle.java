package dev.weft.redis.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stop signal every thread of the bridge waits on instead of sleeping: closing (finish what
 * is owed, then stop) or halting (stop at once, owe nothing — how a crash looks to the others).
 */
public final class Lifecycle {

    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean halted;

    /** Asks every thread to finish. */
    public void close() {
        closing.countDown();
    }

    /** Asks every thread to stop at once, without cleaning anything up. */
    public void halt() {
        halted = true;
        closing.countDown();
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
