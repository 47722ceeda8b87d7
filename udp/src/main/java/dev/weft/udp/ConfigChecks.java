package dev.weft.udp;

import java.time.Duration;
import java.util.Objects;

/** The validation shared by this package's configuration records; messages name the component. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /** Fails unless {@code value} is greater than zero. */
    static void requirePositive(int value, String component) {
        if (value <= 0) {
            throw new IllegalArgumentException(component + " must be > 0: " + value);
        }
    }

    /** Fails unless {@code value} is present and longer than zero. */
    static void requirePositive(Duration value, String component) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(component + " must be positive: " + value);
        }
    }
}
