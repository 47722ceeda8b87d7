package dev.weft.micrometer;

import dev.weft.core.pool.PoolMetrics;
import io.micrometer.core.instrument.Tags;

/** The meters of a client-side connection pool's {@link PoolMetrics}. */
final class PoolMeters {

    /** One line per component of {@link PoolMetrics}. */
    static final MeterTable<PoolMetrics> POOL = new MeterTable<PoolMetrics>()
            .counter("weft.pool.connections.created", "connections opened", PoolMetrics::created)
            .counter("weft.pool.connections.reused", "acquisitions served by an idle connection", PoolMetrics::reused)
            .counter("weft.pool.connections.discarded", "connections closed instead of reused", PoolMetrics::discarded)
            .counter("weft.pool.connections.evicted", "idle connections closed after the idle timeout",
                    PoolMetrics::evicted)
            .counter("weft.pool.acquire.timeouts", "acquisitions that found no free connection in time",
                    PoolMetrics::acquireTimeouts)
            .counter("weft.pool.connect.failures", "connections that could not be opened", PoolMetrics::connectFailures)
            .gauge("weft.pool.connections", Tags.of("state", "leased"), "connections in the pool now, by state",
                    PoolMetrics::leased)
            .gauge("weft.pool.connections", Tags.of("state", "idle"), "connections in the pool now, by state",
                    PoolMetrics::idle);

    private PoolMeters() {
    }
}
