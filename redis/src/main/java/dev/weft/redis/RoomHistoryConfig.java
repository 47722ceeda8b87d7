package dev.weft.redis;

import java.time.Duration;

/**
 * The history kept for each room, in a Redis Stream shared by every instance.
 *
 * @param length    how many of a room's latest lines a joiner gets; default 50, at most
 *                  10,000; 0 keeps no history. The stream is trimmed approximately
 *                  ({@code MAXLEN ~}), so Redis may hold a few more, never fewer
 * @param retention how long a room's history outlives its last line; default 1 day. Keeps
 *                  Redis from holding the history of every room ever used
 */
public record RoomHistoryConfig(int length, Duration retention) {

    /** The largest {@link #length()} accepted. */
    public static final int MAX_LENGTH = 10_000;

    /** The last 50 lines, kept for a day after a room's last line. */
    public static final RoomHistoryConfig DEFAULTS = new RoomHistoryConfig(50, Duration.ofDays(1));

    /** Validates both components. */
    public RoomHistoryConfig {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be between 0 and " + MAX_LENGTH + ": " + length);
        }
        DurationChecks.requirePositive(retention, "retention");
    }

    /**
     * Whether any history is kept.
     *
     * @return {@code length > 0}
     */
    public boolean enabled() {
        return length > 0;
    }
}
