package dev.weft.core.proxy;

import dev.weft.core.tls.TlsClientConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a {@link TcpProxy}.
 *
 * @param backends    where client connections go; at least one, no duplicates. With TLS to the
 *                    backends, each address's host string is the name sent by SNI and verified
 *                    against the backend's certificate
 * @param strategy    how a backend is chosen; default {@link BalancingStrategy#roundRobin()}
 * @param timeouts    connect and idle timeouts and the health-check interval; default
 *                    {@link ProxyTimeouts#DEFAULTS}
 * @param bufferBytes the copy buffer of each direction; default 16 KiB
 * @param backendTls  how the proxy speaks TLS to its backends; default none (plain TCP). The
 *                    client side is the proxy's server's business ({@code TcpServerConfig.tls}),
 *                    so a proxy may terminate TLS, originate it, or both. A backend whose
 *                    handshake fails is treated as one whose connect failed: marked down and the
 *                    next one tried, before anything of the client was read
 */
public record ProxyConfig(List<InetSocketAddress> backends, BalancingStrategy strategy, ProxyTimeouts timeouts,
                          int bufferBytes, Optional<TlsClientConfig> backendTls) {

    /** The default {@link #bufferBytes()}. */
    public static final int DEFAULT_BUFFER_BYTES = 16_384;

    /** Validates every component; copies the list. */
    public ProxyConfig {
        backends = List.copyOf(Objects.requireNonNull(backends, "backends"));
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("at least one backend is needed");
        }
        if (backends.stream().distinct().count() != backends.size()) {
            throw new IllegalArgumentException("duplicate backend in " + backends);
        }
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(timeouts, "timeouts");
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0: " + bufferBytes);
        }
        Objects.requireNonNull(backendTls, "backendTls");
    }

    /**
     * The documented defaults for the given backends, plain TCP.
     *
     * @param backends the backend addresses, at least one, without duplicates
     * @return the configuration
     */
    public static ProxyConfig of(List<InetSocketAddress> backends) {
        return new ProxyConfig(backends, BalancingStrategy.roundRobin(), ProxyTimeouts.DEFAULTS, DEFAULT_BUFFER_BYTES,
                Optional.empty());
    }

    /**
     * A copy with {@link #strategy()} changed.
     *
     * @param value the balancing strategy, not null
     * @return the changed copy
     */
    public ProxyConfig withStrategy(BalancingStrategy value) {
        return new ProxyConfig(backends, value, timeouts, bufferBytes, backendTls);
    }

    /**
     * A copy whose backend connections speak TLS as {@code value} says.
     *
     * @param value the client TLS configuration, not null
     * @return the changed copy
     */
    public ProxyConfig withBackendTls(TlsClientConfig value) {
        return new ProxyConfig(backends, strategy, timeouts, bufferBytes, Optional.of(value));
    }

    /**
     * A copy with {@link ProxyTimeouts#connect()} changed.
     *
     * @param value the new connect timeout
     * @return the changed copy
     */
    public ProxyConfig withConnectTimeout(Duration value) {
        return withTimeouts(new ProxyTimeouts(value, timeouts.healthCheckInterval(), timeouts.idle()));
    }

    /**
     * A copy with {@link ProxyTimeouts#healthCheckInterval()} changed.
     *
     * @param value the new health check interval
     * @return the changed copy
     */
    public ProxyConfig withHealthCheckInterval(Duration value) {
        return withTimeouts(new ProxyTimeouts(timeouts.connect(), value, timeouts.idle()));
    }

    /**
     * A copy with {@link ProxyTimeouts#idle()} changed.
     *
     * @param value the new idle timeout
     * @return the changed copy
     */
    public ProxyConfig withIdleTimeout(Duration value) {
        return withTimeouts(new ProxyTimeouts(timeouts.connect(), timeouts.healthCheckInterval(), value));
    }

    private ProxyConfig withTimeouts(ProxyTimeouts value) {
        return new ProxyConfig(backends, strategy, value, bufferBytes, backendTls);
    }
}
