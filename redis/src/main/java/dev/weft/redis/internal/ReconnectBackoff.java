package dev.weft.redis.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pauses between attempts to reach Redis again: doubling from a minimum to a maximum, each
 * drawn between half and all of its nominal value, so instances that lost Redis together do not
 * all knock at once when it returns. One per connection-owning thread; not thread-safe.
 */
public final class ReconnectBackoff {

    private final long minNanos;
    private final long maxNanos;
    private long nextNanos;

    /**
     * @param min the first pause
     * @param max the longest pause
     */
    public ReconnectBackoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.nextNanos = minNanos;
    }

    /** The pause before the next attempt; the one after will be about twice as long, up to the maximum. */
    public Duration next() {
        long nominal = nextNanos;
        nextNanos = nominal > maxNanos / 2 ? maxNanos : nominal * 2;
        long half = nominal / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(nominal - half + 1));
    }

    /** Back to the minimum, after a success. */
    public void reset() {
        nextNanos = minNanos;
    }
}
