package dev.weft.core.pool;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link ConnectionPool}.
 *
 * @param address        where every connection of the pool goes
 * @param maxConnections the most connections open at once, leased or idle; default 16. More
 *                       lets more requests run in parallel against the upstream, at the cost
 *                       of its file descriptors and threads
 * @param acquireTimeout how long {@link ConnectionPool#acquire()} waits for a free connection
 *                       when all {@code maxConnections} are leased before it fails with a
 *                       {@link PoolExhaustedException}; default 5 seconds
 * @param connectTimeout how long opening a new connection may take; default 3 seconds
 * @param idleTimeout    how long a connection may sit unused in the pool before it is closed;
 *                       default 30 seconds. Keep it under the upstream's own keep-alive
 *                       timeout, so the pool closes first and rarely meets a half-dead socket
 * @param readTimeout    how long one read on a leased connection may wait for data before it
 *                       fails with {@link java.net.SocketTimeoutException}; default 30 seconds
 */
public record PoolConfig(InetSocketAddress address, int maxConnections, Duration acquireTimeout,
                         Duration connectTimeout, Duration idleTimeout, Duration readTimeout) {

    /** Validates every component. */
    public PoolConfig {
        Objects.requireNonNull(address, "address");
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be > 0: " + maxConnections);
        }
        requirePositive(acquireTimeout, "acquireTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** The documented defaults for connections to {@code address}. */
    public static PoolConfig of(InetSocketAddress address) {
        return new PoolConfig(address, 16, Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /** A copy with {@link #maxConnections()} changed. */
    public PoolConfig withMaxConnections(int value) {
        return new PoolConfig(address, value, acquireTimeout, connectTimeout, idleTimeout, readTimeout);
    }

    /** A copy with {@link #acquireTimeout()} changed. */
    public PoolConfig withAcquireTimeout(Duration value) {
        return new PoolConfig(address, maxConnections, value, connectTimeout, idleTimeout, readTimeout);
    }

    /** A copy with {@link #connectTimeout()} changed. */
    public PoolConfig withConnectTimeout(Duration value) {
        return new PoolConfig(address, maxConnections, acquireTimeout, value, idleTimeout, readTimeout);
    }

    /** A copy with {@link #idleTimeout()} changed. */
    public PoolConfig withIdleTimeout(Duration value) {
        return new PoolConfig(address, maxConnections, acquireTimeout, connectTimeout, value, readTimeout);
    }

    /** A copy with {@link #readTimeout()} changed. */
    public PoolConfig withReadTimeout(Duration value) {
        return new PoolConfig(address, maxConnections, acquireTimeout, connectTimeout, idleTimeout, value);
    }

    private static void requirePositive(Duration value, String component) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(component + " must be positive: " + value);
        }
    }
}
