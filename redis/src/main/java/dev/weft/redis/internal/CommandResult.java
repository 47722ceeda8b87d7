package dev.weft.redis.internal;

import java.util.Objects;

/**
 * The answer to a client's command: Redis's reply, or why there is none.
 *
 * @param <T> the reply's type
 */
public sealed interface CommandResult<T> {

    /**
     * Redis answered in time.
     *
     * @param value the reply
     * @param <T>   its type
     */
    record Done<T>(T value) implements CommandResult<T> {
    }

    /**
     * Redis was not asked, or did not answer in time.
     *
     * @param reason why, for a log line or {@link dev.weft.core.rooms.NicknameClaim.Unverified}
     * @param <T>    the reply's type
     */
    record Failed<T>(String reason) implements CommandResult<T> {
        /** Checks the argument. */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
