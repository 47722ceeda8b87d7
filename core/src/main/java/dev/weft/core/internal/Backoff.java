package dev.weft.core.internal;

import java.time.Duration;

/**
 * The pause after a failing accept or receive loop iteration: doubling from a first pause up to
 * a longest one, and back to nothing after a success, so a loop that hits a persistent error
 * (too many open files) neither spins nor dies, and recovers as soon as the error clears. Used
 * by one loop thread; not thread-safe.
 */
public final class Backoff {

    private final Duration first;
    private final Duration longest;
    private Duration current = Duration.ZERO;

    /**
     * A backoff that has seen no failure yet.
     *
     * @param first   the pause after the first failure
     * @param longest the longest pause
     */
    public Backoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
    }

    /** {@return the pause after one more failure: the first pause, then doubled up to the longest} */
    public Duration next() {
        current = current.isZero() ? first : shorter(current.multipliedBy(2), longest);
        return current;
    }

    /** A success: the next failure starts from the first pause again. */
    public void reset() {
        current = Duration.ZERO;
    }

    /**
     * Sleeps {@code pause}.
     *
     * @param pause how long to sleep
     * @return false when interrupted (the loop is being stopped); the interrupt is kept
     */
    public static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
