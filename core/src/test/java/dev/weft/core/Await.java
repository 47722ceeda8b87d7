package dev.weft.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polling with a deadline (the awaitility way), for conditions no latch can observe: counters,
 * registry sizes. The poll interval only spaces the checks; the outcome never depends on it.
 */
final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEFAULT_TIMEOUT + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    static <T> void equal(String what, T expected, Supplier<T> actual) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        T last;
        while (!Objects.equals(expected, last = actual.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEFAULT_TIMEOUT + " waiting for " + what
                        + " to be " + expected + "; it is " + last);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
