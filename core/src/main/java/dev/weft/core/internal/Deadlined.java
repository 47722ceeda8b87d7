package dev.weft.core.internal;

/**
 * Something whose blocking operations have absolute deadlines that a {@link DeadlineWatchdog}
 * enforces: a connection publishes the deadline of the read or write it is blocked in, and the
 * watchdog expires it when the deadline passes.
 */
public interface Deadlined {

    /** {@return the {@link System#nanoTime()} deadline of the read in progress, or 0 when none is} */
    long readDeadline();

    /** {@return the {@link System#nanoTime()} deadline of the write in progress, or 0 when none is} */
    long writeDeadline();

    /** The read in progress waited too long: fail it (by closing) and count it. */
    void expireRead();

    /** The write in progress waited too long: fail it (by closing) and count it. */
    void expireWrite();

    /** {@return whether it is still open; closed ones are skipped} */
    boolean isOpen();
}
