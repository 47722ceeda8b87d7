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
 *                   protocols default to {@link #APPLICATION_PROTOCOLS} when the
 *                   configuration names none; naming one this server does not speak is refused
 *                   here, since a client that negotiated it would be answered in HTTP/1.1
 */
public record HttpServerConfig(ServerConfig server, HttpLimits limits, String serverName, Optional<TlsConfig> tls) {

    /** The default {@link #serverName()}. */
    public static final String DEFAULT_SERVER_NAME = "Weft";

    /**
     * The ALPN protocols an HTTPS server speaks, in its order of preference: what it offers when
     * its {@link TlsConfig} names none. (HTTP/2 adds {@code "h2"} in front of this list.)
     */
    public static final List<String> APPLICATION_PROTOCOLS = List.of("http/1.1");

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
        tls = Objects.requireNonNull(tls, "tls").map(HttpServerConfig::withApplicationProtocols);
    }

    /** A plain HTTP server's configuration (no TLS). */
    public HttpServerConfig(ServerConfig server, HttpLimits limits, String serverName) {
        this(server, limits, serverName, Optional.empty());
    }

    /**
     * {@code tls} with {@link #APPLICATION_PROTOCOLS} when it names no ALPN protocol; refused
     * when it names one this server does not speak.
     */
    private static TlsConfig withApplicationProtocols(TlsConfig tls) {
        if (tls.applicationProtocols().isEmpty()) {
            return tls.toBuilder().applicationProtocols(APPLICATION_PROTOCOLS.toArray(String[]::new)).build();
        }
        for (String protocol : tls.applicationProtocols()) {
            if (!APPLICATION_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("ALPN protocol '" + protocol + "' is not spoken by this server (it speaks "
                        + String.join(", ", APPLICATION_PROTOCOLS) + ")");
            }
        }
        return tls;
    }

    /** The server's name. */
    public String name() {
        return server.name();
    }

    /** A builder holding the defaults documented on each component, named {@code "http"}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the server speaks HTTPS. */
    public boolean secure() {
        return tls.isPresent();
    }

    /** Defaults, listening on {@code 127.0.0.1:port} (0 for an ephemeral port), named "http". */
    public static HttpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** A builder initialised from this configuration. */
    public Builder toBuilder() {
        Builder builder = new Builder().server(server).limits(limits).serverName(serverName);
        builder.tls = tls;
        return builder;
    }

    /** A copy with other limits. */
    public HttpServerConfig withLimits(HttpLimits newLimits) {
        return new HttpServerConfig(server, newLimits, serverName, tls);
    }

    /** Builds an {@link HttpServerConfig}; starts from the documented defaults. */
    public static final class Builder extends ServerConfig.Settings<Builder> {
        private HttpLimits limits = HttpLimits.DEFAULTS;
        private String serverName = DEFAULT_SERVER_NAME;
        private Optional<TlsConfig> tls = Optional.empty();

        private Builder() {
            name("http");
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** See {@link HttpServerConfig#limits()}. */
        public Builder limits(HttpLimits value) {
            limits = value;
            return this;
        }

        /** See {@link HttpServerConfig#serverName()}. */
        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        /** Serves HTTPS as {@code value} says; see {@link HttpServerConfig#tls()}. */
        public Builder tls(TlsConfig value) {
            tls = Optional.of(Objects.requireNonNull(value, "tls"));
            return this;
        }

        /** Serves plain HTTP (the default); see {@link HttpServerConfig#tls()}. */
        public Builder noTls() {
            tls = Optional.empty();
            return this;
        }

        /** Validates and builds. */
        public HttpServerConfig build() {
            return new HttpServerConfig(serverConfig(), limits, serverName, tls);
        }
    }
}
