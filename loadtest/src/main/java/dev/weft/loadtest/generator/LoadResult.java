package dev.weft.loadtest.generator;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one load step measured, over its measurement window only.
 *
 * @param responses completed responses (a pipelined round trip completes several)
 * @param errors    failed connects, failed round trips and wrong answers
 * @param timeouts  round trips whose answer did not come within the request timeout
 * @param latencies per-response latency in microseconds; in open-loop mode measured from the
 *                  intended send time
 * @param measured  the length of the measurement window
 */
public record LoadResult(long responses, long errors, long timeouts, Histogram latencies, Duration measured) {

    /** Responses per second over the window. */
    public double throughputPerSecond() {
        return responses / (measured.toNanos() / 1e9);
    }

    /** The latency at {@code percentile} (e.g. 99.0), in milliseconds. */
    public double latencyMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** The largest latency, in milliseconds. */
    public double maxLatencyMillis() {
        return latencies.getMaxValue() / 1_000.0;
    }
}
