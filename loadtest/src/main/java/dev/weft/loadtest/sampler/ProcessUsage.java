package dev.weft.loadtest.sampler;

import java.time.Duration;

/**
 * A process's use of the machine over a window.
 *
 * @param cpu          CPU time consumed in the window (user plus system)
 * @param wall         the window's length
 * @param peakRssBytes the largest resident memory seen
 * @param peakThreads  the most threads seen
 * @param peakFds      the most open file descriptors seen
 */
public record ProcessUsage(Duration cpu, Duration wall, long peakRssBytes, int peakThreads, int peakFds) {

    /** CPU time in seconds. */
    public double cpuSeconds() {
        return cpu.toNanos() / 1e9;
    }

    /** Average cores busy over the window (1.0 = one core all the time). */
    public double cores() {
        return wall.isZero() ? 0 : cpu.toNanos() / (double) wall.toNanos();
    }
}
