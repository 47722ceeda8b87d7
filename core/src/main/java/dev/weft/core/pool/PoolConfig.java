package dev.weft.core.pool;

import dev.weft.core.tls.TlsClientConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a {@link ConnectionPool}.
 *
 * <pre>{@code
 * PoolConfig config = PoolConfig.of(new InetSocketAddress("api.internal", 443))
 *         .withTls(TlsClientConfig.builder().trusted(TrustMaterial.pem(Path.of("ca.pem"))).build());
 * }</pre>
 *
 * @param address        where every connection of the pool goes; with TLS, its host string is
 *                       the name sent by SNI and verified against the server's certificate, so
 *                       give the host name (not a resolved IP) unless the certificate names the IP
 * @param maxConnections the most connections open at once, leased or idle; default 16. More
 *                       lets more requests run in parallel against the upstream, at the cost
 *                       of its file descriptors and threads
 * @param timeouts       acquire, connect, idle and read timeouts; default {@link PoolTimeouts#DEFAULTS}
 * @param tls            how the pool's connections speak TLS; default none (plain TCP). Each new
 *                       connection completes its handshake (host name verified, unless the
 *                       configuration turns that off) before it is handed out; a failed one
 *                       fails {@link ConnectionPool#acquire()} with the handshake's exception
 */
public record PoolConfig(InetSocketAddress address, int maxConnections, PoolTimeouts timeouts,
                         Optional<TlsClientConfig> tls) {

    /** Validates every component. */
    public PoolConfig {
        Objects.requireNonNull(address, "address");
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be > 0: " + maxConnections);
        }
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * The documented defaults for plain connections to {@code address}.
     *
     * @param address where every connection goes
     * @return the configuration
     */
    public static PoolConfig of(InetSocketAddress address) {
        return new PoolConfig(address, 16, PoolTimeouts.DEFAULTS, Optional.empty());
    }

    /**
     * A copy with {@link #maxConnections()} changed.
     *
     * @param value the most connections open at once, &gt; 0
     * @return the changed copy
     */
    public PoolConfig withMaxConnections(int value) {
        return new PoolConfig(address, value, timeouts, tls);
    }

    /**
     * A copy whose connections speak TLS as {@code value} says.
     *
     * @param value the client TLS configuration, not null
     * @return the changed copy
     */
    public PoolConfig withTls(TlsClientConfig value) {
        return new PoolConfig(address, maxConnections, timeouts, Optional.of(value));
    }

    /**
     * A copy with {@link PoolTimeouts#acquire()} changed.
     *
     * @param value the new acquire timeout
     * @return the changed copy
     */
    public PoolConfig withAcquireTimeout(Duration value) {
        return new PoolConfig(address, maxConnections,
                new PoolTimeouts(value, timeouts.connect(), timeouts.idle(), timeouts.read()), tls);
    }

    /**
     * A copy with {@link PoolTimeouts#connect()} changed.
     *
     * @param value the new connect timeout
     * @return the changed copy
     */
    public PoolConfig withConnectTimeout(Duration value) {
        return new PoolConfig(address, maxConnections,
                new PoolTimeouts(timeouts.acquire(), value, timeouts.idle(), timeouts.read()), tls);
    }

    /**
     * A copy with {@link PoolTimeouts#idle()} changed.
     *
     * @param value the new idle timeout
     * @return the changed copy
     */
    public PoolConfig withIdleTimeout(Duration value) {
        return new PoolConfig(address, maxConnections,
                new PoolTimeouts(timeouts.acquire(), timeouts.connect(), value, timeouts.read()), tls);
    }

    /**
     * A copy with {@link PoolTimeouts#read()} changed.
     *
     * @param value the new read timeout
     * @return the changed copy
     */
    public PoolConfig withReadTimeout(Duration value) {
        return new PoolConfig(address, maxConnections,
                new PoolTimeouts(timeouts.acquire(), timeouts.connect(), timeouts.idle(), value), tls);
    }
}
