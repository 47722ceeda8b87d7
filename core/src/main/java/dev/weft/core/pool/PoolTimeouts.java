package dev.weft.core.pool;

import static dev.weft.core.internal.DurationChecks.requirePositive;

import java.time.Duration;

/**
 * How long a {@link ConnectionPool} waits, for each thing it waits for.
 *
 * @param acquire how long {@link ConnectionPool#acquire()} waits for a free connection when all
 *                {@link PoolConfig#maxConnections()} are leased before it fails with a
 *                {@link PoolExhaustedException}; default 5 seconds
 * @param connect how long opening a new connection may take (with TLS, the handshake has its
 *                own {@link dev.weft.core.tls.TlsClientConfig#handshakeTimeout()}); default 3 seconds
 * @param idle    how long a connection may sit unused in the pool before it is closed; default
 *                30 seconds. Keep it under the upstream's own keep-alive timeout, so the pool
 *                closes first and rarely meets a half-dead socket
 * @param read    how long one read on a leased connection may wait for data before it fails
 *                with {@link java.net.SocketTimeoutException}; default 30 seconds
 */
public record PoolTimeouts(Duration acquire, Duration connect, Duration idle, Duration read) {

    /** The documented defaults. */
    public static final PoolTimeouts DEFAULTS = new PoolTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3),
            Duration.ofSeconds(30), Duration.ofSeconds(30));

    /** Validates every component. */
    public PoolTimeouts {
        requirePositive(acquire, "acquire timeout");
        requirePositive(connect, "connect timeout");
        requirePositive(idle, "idle timeout");
        requirePositive(read, "read timeout");
    }
}
