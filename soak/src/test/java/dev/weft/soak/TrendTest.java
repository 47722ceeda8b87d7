package dev.weft.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static final long MIB = 1L << 20;

    /** Samples every 10 s for 8 minutes, heap after GC given by {@code heap} of the sample index. */
    private static List<Sample> heapSeries(LongUnaryOperator heap) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            samples.add(new Sample(Duration.ofSeconds(120 + 10L * i), 200 * MIB, heap.applyAsLong(i), 30, 60));
        }
        return samples;
    }

    @Test
    void aNoisyPlateauIsNotATrend() {
        Trend trend = Trend.of(Metric.HEAP_AFTER_GC, heapSeries(i -> 40 * MIB + (i % 2 == 0 ? 3 : -3) * MIB));
        assertFalse(trend.risesTooMuch(), trend.toString());
    }

    @Test
    void aSteadyLeakOfAFewPerCentOverTheRunIsATrend() {
        // 40 MiB growing by 128 KiB per sample: 6 MiB over 47 intervals, 15 % of the mean.
        Trend trend = Trend.of(Metric.HEAP_AFTER_GC, heapSeries(i -> 40 * MIB + i * (128 * 1024)));
        assertTrue(trend.risesTooMuch(), trend.toString());
        assertEquals(47 * 128 * 1024, trend.growth(), 1.0);
    }

    @Test
    void oneHighSampleAtTheEndDoesNotMakeATrend() {
        Trend trend = Trend.of(Metric.HEAP_AFTER_GC, heapSeries(i -> i == 47 ? 60 * MIB : 40 * MIB));
        assertFalse(trend.risesTooMuch(), trend.toString());
    }

    @Test
    void smallCountsAreAllowedTheAbsoluteFloor() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(new Sample(Duration.ofSeconds(10L * i), MIB, MIB, 20 + i / 4, 40));
        }
        Trend threads = Trend.of(Metric.THREADS, samples);
        assertEquals(4, threads.allowed());
        assertFalse(threads.risesTooMuch(), threads.toString());
    }

    @Test
    void theFittedLinePassesThroughTheMeans() {
        Trend trend = Trend.of(Metric.HEAP_AFTER_GC, heapSeries(i -> 10 * MIB + i * MIB));
        assertEquals(trend.mean(), trend.lineAt(trend.meanSeconds()), 1e-6);
        assertEquals(MIB / 10.0, trend.slopePerSecond(), 1e-6);
    }

    @Test
    void aTrendNeedsThreeSamples() {
        List<Sample> two = heapSeries(i -> MIB).subList(0, 2);
        assertThrows(IllegalArgumentException.class, () -> Trend.of(Metric.RSS, two));
    }
}
