package dev.weft.redis;

import java.time.Duration;

/**
 * How long messages from other instances took from publish to delivery here: from the moment the
 * publishing instance accepted them to the moment this one handed them to {@link dev.weft.core.rooms.LocalRooms}.
 * Measured with the two instances' wall clocks, so clock skew between machines adds to it.
 * Percentiles are bucket upper bounds, at most 12.5% above the true value.
 *
 * @param samples how many messages were measured
 * @param p50     the median
 * @param p99     the 99th percentile
 * @param max     the largest
 */
public record LagSummary(long samples, Duration p50, Duration p99, Duration max) {
}
