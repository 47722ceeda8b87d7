package dev.weft.loadtest.engine;

import java.util.Objects;

/**
 * Where and how an engine listens.
 *
 * @param host           the address to bind, normally {@code 127.0.0.1}
 * @param echoPort       the echo port; 0 picks an ephemeral one
 * @param httpPort       the HTTP port; 0 picks an ephemeral one
 * @param maxConnections the most connections an engine serves at once, where it has such a limit;
 *                       the idle scenario needs 18,000, so the default is 19,500 (the open-files
 *                       limit of one process here is 20,000)
 */
public record EngineOptions(String host, int echoPort, int httpPort, int maxConnections) {

    /** Loopback, ephemeral ports, 19,500 connections. */
    public static final EngineOptions LOOPBACK_EPHEMERAL = new EngineOptions("127.0.0.1", 0, 0, 19_500);

    /** Validates. */
    public EngineOptions {
        Objects.requireNonNull(host, "host");
        if (echoPort < 0 || echoPort > 65_535 || httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("ports must be in 0..65535: " + echoPort + ", " + httpPort);
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be > 0: " + maxConnections);
        }
    }

    /** A copy with the given ports. */
    public EngineOptions withPorts(int echo, int http) {
        return new EngineOptions(host, echo, http, maxConnections);
    }
}
