package dev.weft.core.limit;

import java.time.Duration;
import java.util.Objects;

/** The answer of a rate limiter to one request for a permit. */
public sealed interface RateDecision {

    /** {@return whether the permit was granted} */
    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** The permit was granted and used. */
    record Allowed() implements RateDecision {
    }

    /**
     * The permit was refused; nothing was used.
     *
     * @param retryAfter how long until a permit will be available, at the earliest
     */
    record Limited(Duration retryAfter) implements RateDecision {
        /** Validates {@code retryAfter}. */
        public Limited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** {@return {@link #retryAfter()} in whole seconds rounded up, at least 1, as HTTP wants it} */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return Math.max(1, retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
        }
    }

    /** The one {@link Allowed} instance. */
    RateDecision ALLOWED = new Allowed();
}
