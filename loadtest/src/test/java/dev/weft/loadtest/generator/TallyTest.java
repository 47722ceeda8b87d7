package dev.weft.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private static Tally openTally() {
        Tally tally = new Tally();
        tally.open(new Tally.Window(0, 1_000 * MS, 2_000 * MS));
        return tally;
    }

    @Test
    void percentilesOfUniformLatenciesAreWhereTheyShouldBe() {
        Tally tally = openTally();
        for (int micros = 1; micros <= 1_000; micros++) {
            long start = 1_000 * MS + micros * 1_000L;
            tally.completed(start, start + micros * 1_000L, 1);
        }
        LoadResult result = tally.result();
        assertEquals(1_000, result.responses());
        assertEquals(0.500, result.latencyMillis(50), 0.001);
        assertEquals(0.990, result.latencyMillis(99), 0.001);
        assertEquals(0.999, result.latencyMillis(99.9), 0.001);
        assertEquals(1.000, result.maxLatencyMillis(), 0.001);
        assertEquals(1_000.0, result.throughputPerSecond(), 0.001);
    }

    @Test
    void roundTripsStartedOutsideTheWindowAreNotCounted() {
        Tally tally = openTally();
        tally.completed(999 * MS, 1_001 * MS, 1);   // warm-up
        tally.completed(2_000 * MS, 2_001 * MS, 1); // after the end
        tally.completed(1_500 * MS, 1_501 * MS, 1); // inside
        LoadResult result = tally.result();
        assertEquals(1, result.responses());
        assertEquals(1, result.latencies().getTotalCount());
    }

    @Test
    void aPipelinedRoundTripCountsEveryResponseAtItsLatency() {
        Tally tally = openTally();
        tally.completed(1_100 * MS, 1_102 * MS, 16);
        LoadResult result = tally.result();
        assertEquals(16, result.responses());
        assertEquals(16, result.latencies().getTotalCount());
        assertEquals(2.0, result.latencyMillis(50), 0.01);
    }

    @Test
    void errorsAndTimeoutsAreCountedWhetherOrNotTheWindowIsOpen() {
        Tally tally = new Tally();
        tally.error();
        tally.timeout();
        tally.open(new Tally.Window(0, 0, Duration.ofSeconds(1).toNanos()));
        tally.error();
        LoadResult result = tally.result();
        assertEquals(2, result.errors());
        assertEquals(1, result.timeouts());
    }

    @Test
    void openLoopClientsShareTheRateAndInterleaveEvenly() {
        OpenLoopSchedule first = OpenLoopSchedule.of(0, 1_000, 4, 0);
        OpenLoopSchedule third = OpenLoopSchedule.of(0, 1_000, 4, 2);
        assertEquals(4 * MS, first.intervalNanos());
        assertEquals(0, first.intendedNanos(0));
        assertEquals(12 * MS, first.intendedNanos(3));
        assertEquals(2 * MS, third.intendedNanos(0));
        assertEquals(6 * MS, third.intendedNanos(1));
    }
}
