package dev.weft.http;

import dev.weft.core.ServerConfig;
import dev.weft.core.tls.TlsConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of an {@link HttpServer}: every component is honoured.
 *
 * <pre>{@code
 * HttpServerConfig config = HttpServerConfig.builder().name("api").port(8080)
 *         .limits(HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(60))).build();
 * }</pre>
 *
 * @param server     what every server honours: address, connection budget, write timeout,
 *                   shutdown grace, thread mode
 * @param limits     the request limits and the HTTP timeouts (idle, header, body); default
 *                   {@link HttpLimits#DEFAULTS}
 * @param serverName the value of the {@code Server} response header; default {@code "Weft"}
 * @param tls        how the server speaks TLS (HTTPS); default none (plain HTTP). The ALPN
 *                   protocols default to {@link #applicationProtocols()} (with HTTP/2:
 *                   {@code h2} then {@code http/1.1}) when the configuration names none; naming
 *                   one this server does not speak is refused here, since a client that
 *                   negotiated it would be answered in another protocol
 * @param http2      how the server speaks HTTP/2, or empty for HTTP/1.1 only; default
 *                   {@link Http2Config#DEFAULTS}: on a plain port a client may start HTTP/2 with
 *                   the connection preface (prior knowledge) or by {@code Upgrade: h2c}, on a TLS
 *                   port by ALPN {@code h2}. On by default because it costs an HTTP/1.1 client
 *                   nothing (one byte compared on a new connection), serves the same routes and
 *                   filters, and every HTTP/2 limit has a safe default; empty when a proxy in
 *                   front must see HTTP/1.1 only
 */
public record HttpServerConfig(ServerConfig server, HttpLimits limits, String serverName, Optional<TlsConfig> tls,
                               Optional<Http2Config> http2) {

    /** The default {@link #serverName()}. */
    public static final String DEFAULT_SERVER_NAME = "Weft";

    /**
     * The ALPN protocols an HTTPS server with HTTP/2 speaks, in its order of preference: what it
     * offers when its {@link TlsConfig} names none. Without HTTP/2, {@link #HTTP1_PROTOCOLS}.
     */
    public static final List<String> APPLICATION_PROTOCOLS = List.of("h2", "http/1.1");

    /** The ALPN protocols an HTTPS server without HTTP/2 speaks. */
    public static final List<String> HTTP1_PROTOCOLS = List.of("http/1.1");

    /** Validates the components. */
    public HttpServerConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(serverName, "serverName");
        for (int i = 0; i < serverName.length(); i++) {
            char c = serverName.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("serverName must be printable ASCII: " + serverName);
            }
        }
        Objects.requireNonNull(http2, "http2");
        List<String> spoken = http2.isPresent() ? APPLICATION_PROTOCOLS : HTTP1_PROTOCOLS;
        tls = Objects.requireNonNull(tls, "tls").map(config -> withApplicationProtocols(config, spoken));
    }

    /**
     * A plain HTTP server's configuration (no TLS), with HTTP/2 ({@link Http2Config#DEFAULTS}).
     *
     * @param server     the listener, thread and shutdown settings
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} response header
     */
    public HttpServerConfig(ServerConfig server, HttpLimits limits, String serverName) {
        this(server, limits, serverName, Optional.empty());
    }

    /**
     * A configuration with HTTP/2 ({@link Http2Config#DEFAULTS}).
     *
     * @param server     the listener, thread and shutdown settings
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} response header
     * @param tls        how the server speaks TLS, or empty for plain HTTP
     */
    public HttpServerConfig(ServerConfig server, HttpLimits limits, String serverName, Optional<TlsConfig> tls) {
        this(server, limits, serverName, tls, Optional.of(Http2Config.DEFAULTS));
    }

    /**
     * {@code tls} with the {@code spoken} protocols when it names no ALPN protocol; refused when
     * it names one this server does not speak.
     */
    private static TlsConfig withApplicationProtocols(TlsConfig tls, List<String> spoken) {
        if (tls.applicationProtocols().isEmpty()) {
            return tls.toBuilder().applicationProtocols(spoken.toArray(String[]::new)).build();
        }
        for (String protocol : tls.applicationProtocols()) {
            if (!spoken.contains(protocol)) {
                throw new IllegalArgumentException("ALPN protocol '" + protocol + "' is not spoken by this server (it speaks "
                        + String.join(", ", spoken) + ")");
            }
        }
        return tls;
    }

    /**
     * {@return the ALPN protocols this server speaks: {@link #APPLICATION_PROTOCOLS} with HTTP/2,
     * else {@link #HTTP1_PROTOCOLS}}
     */
    public List<String> applicationProtocols() {
        return http2.isPresent() ? APPLICATION_PROTOCOLS : HTTP1_PROTOCOLS;
    }

    /** {@return the server's name} */
    public String name() {
        return server.name();
    }

    /** {@return a builder holding the defaults documented on each component, named {@code "http"}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether the server speaks HTTPS} */
    public boolean secure() {
        return tls.isPresent();
    }

    /**
     * {@return the defaults, listening on {@code 127.0.0.1:port}, named "http"}
     *
     * @param port the port; 0 for an ephemeral one
     */
    public static HttpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** {@return a builder initialised from this configuration} */
    public Builder toBuilder() {
        Builder builder = new Builder().server(server).limits(limits).serverName(serverName);
        // ALPN protocols equal to the ones this configuration speaks by default may have been
        // filled in by it: the copy leaves them out, so they follow an HTTP/2 setting made on it.
        builder.tls = tls.map(config -> config.applicationProtocols().equals(applicationProtocols())
                ? config.toBuilder().applicationProtocols().build() : config);
        builder.http2 = http2;
        return builder;
    }

    /**
     * {@return a copy with other limits}
     *
     * @param newLimits the limits of the copy
     */
    public HttpServerConfig withLimits(HttpLimits newLimits) {
        return new HttpServerConfig(server, newLimits, serverName, tls, http2);
    }

    /** Builds an {@link HttpServerConfig}; starts from the documented defaults. */
    public static final class Builder extends ServerConfig.Settings<Builder> {
        private HttpLimits limits = HttpLimits.DEFAULTS;
        private String serverName = DEFAULT_SERVER_NAME;
        private Optional<TlsConfig> tls = Optional.empty();
        private Optional<Http2Config> http2 = Optional.of(Http2Config.DEFAULTS);

        private Builder() {
            name("http");
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * See {@link HttpServerConfig#limits()}.
         *
         * @param value the request limits
         * @return this builder
         */
        public Builder limits(HttpLimits value) {
            limits = value;
            return this;
        }

        /**
         * See {@link HttpServerConfig#serverName()}.
         *
         * @param value the {@code Server} header's value
         * @return this builder
         */
        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        /**
         * Serves HTTPS as {@code value} says; see {@link HttpServerConfig#tls()}.
         *
         * @param value the TLS configuration
         * @return this builder
         */
        public Builder tls(TlsConfig value) {
            tls = Optional.of(Objects.requireNonNull(value, "tls"));
            return this;
        }

        /**
         * Serves plain HTTP (the default); see {@link HttpServerConfig#tls()}.
         *
         * @return this builder
         */
        public Builder noTls() {
            tls = Optional.empty();
            return this;
        }

        /**
         * Speaks HTTP/2 as {@code value} says (the default: {@link Http2Config#DEFAULTS}); see
         * {@link HttpServerConfig#http2()}.
         *
         * @param value the HTTP/2 configuration
         * @return this builder
         */
        public Builder http2(Http2Config value) {
            http2 = Optional.of(Objects.requireNonNull(value, "http2"));
            return this;
        }

        /**
         * Speaks HTTP/1.1 only: no prior knowledge, no {@code h2c} upgrade, no ALPN {@code h2}.
         *
         * @return this builder
         */
        public Builder noHttp2() {
            http2 = Optional.empty();
            return this;
        }

        /** {@return the configuration, validated} */
        public HttpServerConfig build() {
            return new HttpServerConfig(serverConfig(), limits, serverName, tls, http2);
        }
    }
}
