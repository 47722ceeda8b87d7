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

    /** A plaintext server's configuration (no TLS). */
    public TcpServerConfig(ServerConfig server, Duration idleTimeout, int outboundQueueBytes) {
        this(server, idleTimeout, outboundQueueBytes, Optional.empty());
    }

    /** The server's name. */
    public String name() {
        return server.name();
    }

    /** A builder holding the defaults documented on each component. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, bound to {@code 127.0.0.1} on {@code port} (0 for an ephemeral port). */
    public static TcpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** A builder initialised from this configuration. */
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

        /** See {@link TcpServerConfig#idleTimeout()}. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** See {@link TcpServerConfig#outboundQueueBytes()}. */
        public Builder outboundQueueBytes(int value) {
            outboundQueueBytes = value;
            return this;
        }

        /** Speaks TLS as {@code value} says; see {@link TcpServerConfig#tls()}. */
        public Builder tls(TlsConfig value) {
            tls = Optional.of(Objects.requireNonNull(value, "tls"));
            return this;
        }

        /** Speaks plaintext (the default); see {@link TcpServerConfig#tls()}. */
        public Builder noTls() {
            tls = Optional.empty();
            return this;
        }

        /** Validates and builds. */
        public TcpServerConfig build() {
            return new TcpServerConfig(serverConfig(), idleTimeout, outboundQueueBytes, tls);
        }
    }
}
