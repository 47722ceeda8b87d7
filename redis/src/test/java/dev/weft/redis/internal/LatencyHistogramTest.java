package dev.weft.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lag histogram's percentiles: exact for small values, never more than 12.5% high. */
class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReportsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(Duration.ZERO, histogram.percentile(0.99));
        assertEquals(Duration.ZERO, histogram.max());
    }

    @Test
    void percentilesOfAUniformSpreadAreWithinTheBucketError() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros);
        }
        assertWithin(5_000, histogram.percentile(0.5));
        assertWithin(9_900, histogram.percentile(0.99));
        assertEquals(Duration.ofMillis(10), histogram.max());
        assertEquals(Duration.ofMillis(10), histogram.percentile(1.0), "the top is capped by the true maximum");
    }

    @Test
    void smallValuesAreExactAndNegativeOnesCountAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-50);
        histogram.record(3);
        histogram.record(7);
        assertEquals(Duration.ZERO, histogram.percentile(0.3));
        assertEquals(Duration.ofNanos(3_000), histogram.percentile(0.6));
        assertEquals(Duration.ofNanos(7_000), histogram.percentile(1.0));
    }

    @Test
    void everyBucketBoundCoversItsValues() {
        for (long value : new long[] {0, 1, 7, 8, 9, 15, 16, 17, 1_000, 123_456_789, Long.MAX_VALUE / 3}) {
            long bound = LatencyHistogram.upperBound(LatencyHistogram.index(value));
            assertTrue(bound >= value && bound <= value + value / 8, value + " -> " + bound);
        }
    }

    private static void assertWithin(long expectedMicros, Duration actual) {
        long micros = actual.toNanos() / 1_000;
        assertTrue(micros >= expectedMicros && micros <= expectedMicros * 1.125, "expected about " + expectedMicros
                + " µs, got " + micros);
    }
}
