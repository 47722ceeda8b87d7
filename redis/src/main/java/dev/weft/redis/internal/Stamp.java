package dev.weft.redis.internal;

import java.util.Objects;

/**
 * Who published a message and where it stands in that publisher's sequence for the room.
 *
 * <p>{@code (run, seq)} grows strictly, compared as a pair, for each publisher and room: the
 * publisher numbers a room's messages 1, 2, 3… within a run, and starts a new run, with a run
 * number higher than any it used before, whenever it forgets a room's counter. A receiver that
 * has seen {@code (r, s)} knows {@code (r, s + 1)} is next, {@code (r, s + k)} means {@code k - 1}
 * were lost, anything not greater was delivered already, and a higher run starts afresh.
 *
 * @param publisher    the publishing instance's id
 * @param run          the run, from 1
 * @param seq          the position in the run, from 1
 * @param sentAtMicros when the publisher accepted the message, microseconds since the epoch
 */
public record Stamp(String publisher, long run, long seq, long sentAtMicros) {

    /** Checks the arguments. */
    public Stamp {
        Objects.requireNonNull(publisher, "publisher");
        if (run < 1 || seq < 1 || sentAtMicros < 0) {
            throw new IllegalArgumentException("run (" + run + ") and seq (" + seq
                    + ") must be >= 1, sentAtMicros (" + sentAtMicros + ") >= 0");
        }
    }
}
