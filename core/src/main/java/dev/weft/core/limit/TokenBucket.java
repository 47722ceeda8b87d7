package dev.weft.core.limit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket: it holds up to {@link RateLimit#burst()} tokens, refills continuously at
 * {@link RateLimit#permitsPerSecond()}, starts full, and each permit takes one token. Over any
 * window of {@code t} seconds it grants at most {@code burst + rate * t} permits.
 *
 * <p>Thread-safe; never blocks beyond a short lock around a few arithmetic operations.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimit limit;
    private final NanoClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long updatedNanos;

    /**
     * A full bucket.
     *
     * @param limit the rate and burst
     * @param clock the clock, {@link NanoClock#system()} outside tests
     */
    public TokenBucket(RateLimit limit, NanoClock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = limit.burst();
        this.updatedNanos = clock.nanoTime();
    }

    /**
     * A full bucket on the system clock.
     *
     * @param limit the rate and burst of the bucket
     */
    public TokenBucket(RateLimit limit) {
        this(limit, NanoClock.system());
    }

    /**
     * Takes one permit if a token is there; otherwise says how long until one will be.
     *
     * @return {@link RateDecision.Allowed}, or {@link RateDecision.Limited} with the time until a token
     */
    public RateDecision tryAcquire() {
        lock.lock();
        try {
            refill(clock.nanoTime());
            if (tokens >= 1) {
                tokens -= 1;
                return RateDecision.ALLOWED;
            }
            double missingSeconds = (1 - tokens) / limit.permitsPerSecond();
            return new RateDecision.Limited(Duration.ofNanos((long) Math.ceil(missingSeconds * NANOS_PER_SECOND)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the bucket has been untouched long enough to be full again at {@code nowNanos}:
     * then it is indistinguishable from a new one and may be forgotten.
     */
    boolean fullAt(long nowNanos) {
        lock.lock();
        try {
            return nowNanos - updatedNanos >= limit.refillNanos()
                    || tokens + (nowNanos - updatedNanos) * limit.permitsPerSecond() / NANOS_PER_SECOND >= limit.burst();
        } finally {
            lock.unlock();
        }
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(limit.burst(), tokens + elapsed * limit.permitsPerSecond() / NANOS_PER_SECOND);
            updatedNanos = nowNanos;
        }
    }

    @Override
    public String toString() {
        return "TokenBucket[" + limit + "]";
    }
}
