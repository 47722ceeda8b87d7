package dev.weft.core.limit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One {@link TokenBucket} per key — a client address, or an address and a route — in bounded
 * memory.
 *
 * <p><b>Memory.</b> A bucket untouched long enough to have refilled completely is the same as a
 * new one, so it is dropped: a sweep runs at most once per refill period (and at least once a
 * second), on the caller's thread, and whenever a new key finds the table full. At most
 * {@code maxKeys} keys are tracked. When a new key arrives while all {@code maxKeys} buckets are
 * still in use, it is <em>refused</em> (counted in {@link #overflowed()}) rather than let
 * through untracked: a flood of distinct addresses then cannot switch the limiter off. The
 * trade-off: during such a flood new, innocent clients are refused too, while the clients
 * already tracked keep their own budget. A sweep only drops full buckets, so the one race it
 * has — a request taking a token from a bucket just dropped — can grant a single extra permit
 * to that key, never more.
 *
 * @param <K> the key type; needs {@code equals} and {@code hashCode}
 */
public final class KeyedRateLimiter<K> {

    private static final long MIN_SWEEP_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final RateLimit limit;
    private final int maxKeys;
    private final NanoClock clock;
    private final Map<K, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private final AtomicLong nextSweepNanos;
    private final long sweepIntervalNanos;
    private final LongAdder allowed = new LongAdder();
    private final LongAdder limited = new LongAdder();
    private final LongAdder overflowed = new LongAdder();

    /**
     * A limiter with no key tracked yet.
     *
     * @param limit   the rate and burst of every key
     * @param maxKeys the most keys tracked at once; each costs about 100 bytes
     * @param clock   the clock, {@link NanoClock#system()} outside tests
     */
    public KeyedRateLimiter(RateLimit limit, int maxKeys, NanoClock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxKeys <= 0) {
            throw new IllegalArgumentException("maxKeys must be > 0: " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.sweepIntervalNanos = Math.max(MIN_SWEEP_INTERVAL_NANOS, limit.refillNanos());
        this.nextSweepNanos = new AtomicLong(clock.nanoTime() + sweepIntervalNanos);
    }

    /**
     * A limiter on the system clock.
     *
     * @param limit   the rate and burst of every key
     * @param maxKeys the most keys tracked at once, &gt; 0; each costs about 100 bytes
     */
    public KeyedRateLimiter(RateLimit limit, int maxKeys) {
        this(limit, maxKeys, NanoClock.system());
    }

    /**
     * Takes one permit from {@code key}'s bucket, creating a full bucket for a new key.
     *
     * @param key the key whose bucket is charged, not null
     * @return whether the permit was granted, and if not, when to retry
     */
    public RateDecision tryAcquire(K key) {
        Objects.requireNonNull(key, "key");
        long now = clock.nanoTime();
        if (now - nextSweepNanos.get() >= 0) {
            sweep(now);
        }
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = newBucket(key, now);
            if (bucket == null) {
                overflowed.increment();
                limited.increment();
                return new RateDecision.Limited(Duration.ofNanos(limit.refillNanos()));
            }
        }
        RateDecision decision = bucket.tryAcquire();
        (decision.allowed() ? allowed : limited).increment();
        return decision;
    }

    /** Adds a bucket for {@code key}; null when the table is full even after a sweep. */
    private TokenBucket newBucket(K key, long now) {
        if (buckets.size() >= maxKeys) {
            sweep(now);
            if (buckets.size() >= maxKeys) {
                return null;
            }
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(limit, clock));
    }

    /** Drops the buckets that have refilled completely. One sweeper at a time; others skip. */
    private void sweep(long now) {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            nextSweepNanos.set(now + sweepIntervalNanos);
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        } finally {
            sweeping.unlock();
        }
    }

    /** {@return how many keys are tracked now} */
    public int trackedKeys() {
        return buckets.size();
    }

    /** {@return the permits granted since creation} */
    public long allowed() {
        return allowed.sum();
    }

    /** {@return the permits refused since creation, overflow refusals included} */
    public long limited() {
        return limited.sum();
    }

    /** {@return the permits refused because a new key found all {@code maxKeys} buckets in use} */
    public long overflowed() {
        return overflowed.sum();
    }

    /** {@return the rate and burst of every key} */
    public RateLimit limit() {
        return limit;
    }
}
