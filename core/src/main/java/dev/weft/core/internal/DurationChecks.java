package dev.weft.core.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The check every configuration record of the engine and its protocols makes on a
 * {@link Duration} component, with one wording for the message.
 */
public final class DurationChecks {

    private DurationChecks() {
    }

    /**
     * Fails unless {@code value} is present and longer than zero.
     *
     * @param value     the component's value
     * @param component the component's name, for the message
     * @throws NullPointerException     when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is zero or negative
     */
    public static void requirePositive(Duration value, String component) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(component + " must be positive: " + value);
        }
    }
}
