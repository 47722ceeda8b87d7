package dev.weft.core.limit;

/**
 * A token-bucket rate: {@code permitsPerSecond} on average, with bursts of up to {@code burst}
 * permits after a quiet period.
 *
 * @param permitsPerSecond the sustained rate; may be fractional ({@code 0.5} is one permit every
 *                         two seconds)
 * @param burst            the bucket's capacity: how many permits a client that was quiet long
 *                         enough may use at once. Larger tolerates bursty but well-behaved
 *                         clients; smaller smooths the load on the server
 */
public record RateLimit(double permitsPerSecond, int burst) {

    /** Validates both components. */
    public RateLimit {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permitsPerSecond must be a positive number: " + permitsPerSecond);
        }
        if (burst <= 0) {
            throw new IllegalArgumentException("burst must be > 0: " + burst);
        }
    }

    /**
     * {@code rate} permits per second with a burst of {@code rate}.
     *
     * @param rate the permits per second and the burst, &gt; 0
     * @return the limit
     */
    public static RateLimit perSecond(int rate) {
        return new RateLimit(rate, rate);
    }

    /** How long an untouched bucket takes to fill up from empty, in nanoseconds. */
    long refillNanos() {
        return (long) Math.ceil(burst / permitsPerSecond * 1e9);
    }
}
