package dev.weft.core.limit;

/**
 * The one clock of Weft's rate limits and expiries: a monotonic count of nanoseconds, as
 * {@link System#nanoTime()} gives it. Only differences between two readings mean anything.
 *
 * <p>Why not a wall clock ({@code java.time.InstantSource}): everything timed here is an elapsed
 * time — a bucket's refill, a peer's silence — and the wall clock jumps (an NTP step, a suspended
 * VM, an operator's correction). A jump forward would refill every bucket and expire every UDP
 * peer at once; a jump backward would freeze both. A monotonic reading never jumps, costs no
 * allocation on the hot path, and a test replaces it with one that moves only when told, so that
 * one test clock drives a rate limit and an expiry together.
 */
@FunctionalInterface
public interface NanoClock {

    /** {@return the current reading, in nanoseconds from an arbitrary origin} */
    long nanoTime();

    /** {@return the system's monotonic clock, {@link System#nanoTime()}} */
    static NanoClock system() {
        return System::nanoTime;
    }
}
