package dev.weft.redis.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of durations in microseconds, in fixed memory: exact below 8 µs, then
 * eight buckets per power of two, so a percentile read as its bucket's upper bound is at most
 * 12.5% above the true value. Recording is one atomic increment.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKETS = 8;
    private static final int SUB_BITS = 3;
    private static final int BUCKETS = SUB_BUCKETS + (63 - SUB_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one duration; negative ones (clock skew between machines) count as zero. */
    public void record(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(index(value));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    /** How many durations were recorded. */
    public long count() {
        return total.get();
    }

    /** The largest duration recorded, zero when none was. */
    public Duration max() {
        return Duration.ofNanos(max.get() * 1_000);
    }

    /**
     * The smallest bucket bound at or above which {@code fraction} of the durations lie, capped
     * by the maximum; zero when none was recorded.
     *
     * @param fraction between 0 (exclusive) and 1 (inclusive), e.g. 0.99
     */
    public Duration percentile(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        long n = total.get();
        if (n == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(fraction * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Duration.ofNanos(Math.min(upperBound(i), max.get()) * 1_000);
            }
        }
        return max();
    }

    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) ((value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub;
    }

    static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = (index - SUB_BUCKETS) / SUB_BUCKETS + SUB_BITS;
        if (exponent >= 62) {
            return Long.MAX_VALUE;
        }
        int sub = (index - SUB_BUCKETS) % SUB_BUCKETS;
        long width = 1L << (exponent - SUB_BITS);
        long lower = (SUB_BUCKETS + sub) * width;
        return lower + width - 1;
    }
}
