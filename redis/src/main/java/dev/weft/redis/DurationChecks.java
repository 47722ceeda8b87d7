package dev.weft.redis;

import java.time.Duration;
import java.util.Objects;

/** The checks the configuration records make on their {@link Duration} components. */
final class DurationChecks {

    private DurationChecks() {
    }

    static void requirePositive(Duration value, String component) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(component + " must be positive: " + value);
        }
    }

    /** Jedis takes socket timeouts as {@code int} milliseconds. */
    static void requireMillisFitInt(Duration value, String component) {
        if (value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(component + " (" + value + ") must be at most "
                    + Duration.ofMillis(Integer.MAX_VALUE));
        }
    }
}
