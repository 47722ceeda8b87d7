package dev.weft.core.pool;

/**
 * A point-in-time snapshot of a {@link ConnectionPool}'s counters, all since it was created.
 *
 * @param created        connections opened
 * @param reused         acquisitions served by an idle connection instead of a new one
 * @param discarded      connections closed instead of reused: returned broken or retired, or
 *                       found closed or holding unread bytes when validated
 * @param evicted        idle connections closed because they exceeded the idle timeout
 * @param acquireTimeouts acquisitions that failed because no connection came free in time
 * @param connectFailures connections that could not be opened
 * @param leased         connections leased right now
 * @param idle           connections idle in the pool right now
 */
public record PoolMetrics(long created, long reused, long discarded, long evicted,
                          long acquireTimeouts, long connectFailures, int leased, int idle) {
}
