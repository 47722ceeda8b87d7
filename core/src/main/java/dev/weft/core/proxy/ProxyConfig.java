package dev.weft.core.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The configuration of a {@link TcpProxy}.
 *
 * @param backends            where client connections go; at least one, no duplicates
 * @param strategy            how a backend is chosen; default {@link BalancingStrategy#roundRobin()}
 * @param connectTimeout      how long a connect to one backend may take before the next one is
 *                            tried; default 2 seconds. Short keeps clients from waiting on a
 *                            dead host; too short fails healthy backends under load
 * @param healthCheckInterval how often every backend is probed with a connect (the probe uses
 *                            {@code connectTimeout}); default 2 seconds. A dead backend is taken
 *                            out by the first failed probe or connect and put back by the first
 *                            probe that succeeds
 * @param idleTimeout         how long a paired connection may carry no byte in either direction
 *                            before both sides are closed; default 5 minutes. A silent client
 *                            during a long download is not idle (the client's own reads are only
 *                            bounded by a one-day backstop). The check runs when a backend read
 *                            times out, so the close comes between one and two idle timeouts
 *                            after the last byte
 * @param bufferBytes         the copy buffer of each direction; default 16 KiB
 */
public record ProxyConfig(List<InetSocketAddress> backends, BalancingStrategy strategy,
                          Duration connectTimeout, Duration healthCheckInterval,
                          Duration idleTimeout, int bufferBytes) {

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
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(healthCheckInterval, "healthCheckInterval");
        requirePositive(idleTimeout, "idleTimeout");
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0: " + bufferBytes);
        }
    }

    /** The documented defaults for the given backends. */
    public static ProxyConfig of(List<InetSocketAddress> backends) {
        return new ProxyConfig(backends, BalancingStrategy.roundRobin(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMinutes(5), 16_384);
    }

    /** A copy with {@link #strategy()} changed. */
    public ProxyConfig withStrategy(BalancingStrategy value) {
        return new ProxyConfig(backends, value, connectTimeout, healthCheckInterval, idleTimeout, bufferBytes);
    }

    /** A copy with {@link #connectTimeout()} changed. */
    public ProxyConfig withConnectTimeout(Duration value) {
        return new ProxyConfig(backends, strategy, value, healthCheckInterval, idleTimeout, bufferBytes);
    }

    /** A copy with {@link #healthCheckInterval()} changed. */
    public ProxyConfig withHealthCheckInterval(Duration value) {
        return new ProxyConfig(backends, strategy, connectTimeout, value, idleTimeout, bufferBytes);
    }

    /** A copy with {@link #idleTimeout()} changed. */
    public ProxyConfig withIdleTimeout(Duration value) {
        return new ProxyConfig(backends, strategy, connectTimeout, healthCheckInterval, value, bufferBytes);
    }

    private static void requirePositive(Duration value, String component) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(component + " must be positive: " + value);
        }
    }
}
