package dev.weft.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waiting with a deadline for a condition no latch can observe — a counter of the server, the
 * size of its registry. The pause between checks only spaces them; the outcome never depends on
 * it, and a condition still false at the deadline fails the test with what was awaited.
 */
public final class Poll {

    /** The deadline used when none is given: long enough for a loaded CI machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final long PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private Poll() {
    }

    /**
     * Returns once {@code condition} holds.
     *
     * @param what      what is awaited, for the failure message
     * @param condition checked until it holds
     * @throws AssertionError if it still does not after {@link #DEFAULT_TIMEOUT}
     */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still waiting after " + DEFAULT_TIMEOUT + " for " + what);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /**
     * Returns once {@code value} equals {@code expected}.
     *
     * @param what     what is awaited, for the failure message
     * @param expected the value awaited
     * @param value    read until it equals {@code expected}
     * @throws AssertionError naming the last value seen, if it still differs after {@link #DEFAULT_TIMEOUT}
     */
    public static void untilEqual(String what, long expected, LongSupplier value) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        long last;
        while ((last = value.getAsLong()) != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still waiting after " + DEFAULT_TIMEOUT + " for " + what + " to be "
                        + expected + "; it is " + last);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /**
     * Returns once {@code value} equals {@code expected} ({@link Objects#equals}).
     *
     * @param <T>      the type of the value
     * @param what     what is awaited, for the failure message
     * @param expected the value awaited
     * @param value    reads the current value
     * @throws AssertionError naming the last value seen, if it still differs after {@link #DEFAULT_TIMEOUT}
     */
    public static <T> void untilEquals(String what, T expected, Supplier<? extends T> value) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        T last;
        while (!Objects.equals(expected, last = value.get())) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still waiting after " + DEFAULT_TIMEOUT + " for " + what + " to be "
                        + expected + "; it is " + last);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
