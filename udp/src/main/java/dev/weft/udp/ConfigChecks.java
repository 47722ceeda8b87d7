package dev.weft.udp;

import dev.weft.core.internal.DurationChecks;
import java.time.Duration;

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

    /** Fails unless {@code value} is present and longer than zero (the engine's one check). */
    static void requirePositive(Duration value, String component) {
        DurationChecks.requirePositive(value, component);
    }
}
