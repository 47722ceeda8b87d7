package dev.weft.core;

import dev.weft.core.tls.TlsConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a {@link TcpServer}. Every limit has a safe default (see {@link
 * #builder()}), is validated here once, and has a defined outcome when exceeded.
 *
 * <pre>{@code
 * TcpServerConfig config = TcpServerConfig.builder().name("chat").port(7008)
 *         .idleTimeout(Duration.ofMinutes(10)).build();
 * }</pre>
 *
 * @param server             what every server honours: address, connection budget, write
 *                           timeout, shutdown grace, thread mode
 * @param idleTimeout        how long one read may wait for data before the connection is closed
 *                           as idle (the read fails with {@code SocketTimeoutException}); default
 *                           5 minutes. Shorter frees resources held by dead peers sooner; longer
 *                           suits quiet long-lived clients. A handler may change it per
 *                           connection ({@link Connection#readTimeout(Duration)})
 * @param outboundQueueBytes how many bytes of {@link Client#send queued messages} a registry
 *                           client may have waiting before it is disconnected as too slow;
 *                           default 1 MiB. A single message larger than this is still accepted
 *                           into an empty queue
 * @param tls                how the server speaks TLS; default none (plaintext). With TLS, every
 *                           connection's handshake runs on its own thread before the handler,
 *                           under {@link TlsConfig#handshakeTimeout()}; a failed one is closed
 *                           (with an alert where TLS has one), counted in {@link
 *                           ServerMetrics#tls()} and logged at DEBUG, and the handler never runs
 */
public record TcpServerConfig(ServerConfig server, Duration idleTimeout, int outboundQueueBytes,
                              Optional<TlsConfig> tls) {

    /** The default {@link #idleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** The default {@link #outboundQueueBytes()}. */
    public static final int DEFAULT_OUTBOUND_QUEUE_BYTES = 1 << 20;

    /** Validates every component. */
    public TcpServerConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        if (outboundQueueBytes <= 0) {
            throw new IllegalArgumentException("outboundQueueBytes must be > 0: " + outboundQueueBytes);
        }
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * A plaintext server's configuration (no TLS).
     *
     * @param server             the settings every server honours
     * @param idleTimeout        see {@link #idleTimeout()}; positive
     * @param outboundQueueBytes see {@link #outboundQueueBytes()}; &gt; 0
     */
    public TcpServerConfig(ServerConfig server, Duration idleTimeout, int outboundQueueBytes) {
        this(server, idleTimeout, outboundQueueBytes, Optional.empty());
    }

    /** {@return the server's name} */
    public String name() {
        return server.name();
    }

    /** {@return a builder holding the defaults documented on each component} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, bound to {@code 127.0.0.1} on {@code port}.
     *
     * @param port the port, 0 to 65535; 0 for an ephemeral port
     * @return the configuration
     */
    public static TcpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** {@return a builder initialised from this configuration} */
    public Builder toBuilder() {
        Builder builder = new Builder().server(server).idleTimeout(idleTimeout).outboundQueueBytes(outboundQueueBytes);
        builder.tls = tls;
        return builder;
    }

    /** Builds a {@link TcpServerConfig}; starts from the documented defaults. */
    public static final class Builder extends ServerConfig.Settings<Builder> {
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int outboundQueueBytes = DEFAULT_OUTBOUND_QUEUE_BYTES;
        private Optional<TlsConfig> tls = Optional.empty();

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets how long a connection may stay silent; see {@link TcpServerConfig#idleTimeout()}.
         *
         * @param value the timeout, positive, not null
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /**
         * Sets the outbound queue bound; see {@link TcpServerConfig#outboundQueueBytes()}.
         *
         * @param value the bound in bytes, &gt; 0
         * @return this builder
         */
        public Builder outboundQueueBytes(int value) {
            outboundQueueBytes = value;
            return this;
        }

        /**
         * Speaks TLS as {@code value} says; see {@link TcpServerConfig#tls()}.
         *
         * @param value the TLS configuration, not null
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder tls(TlsConfig value) {
            tls = Optional.of(Objects.requireNonNull(value, "tls"));
            return this;
        }

        /**
         * Speaks plaintext (the default); see {@link TcpServerConfig#tls()}.
         *
         * @return this builder
         */
        public Builder noTls() {
            tls = Optional.empty();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws NullPointerException     if a setting was set to null
         * @throws IllegalArgumentException if a setting is out of range
         */
        public TcpServerConfig build() {
            return new TcpServerConfig(serverConfig(), idleTimeout, outboundQueueBytes, tls);
        }
    }
}
