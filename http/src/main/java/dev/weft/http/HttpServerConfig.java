package dev.weft.http;

import dev.weft.core.ServerConfig;
import java.util.Objects;

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
 */
public record HttpServerConfig(ServerConfig server, HttpLimits limits, String serverName) {

    /** The default {@link #serverName()}. */
    public static final String DEFAULT_SERVER_NAME = "Weft";

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
    }

    /** The server's name. */
    public String name() {
        return server.name();
    }

    /** A builder holding the defaults documented on each component, named {@code "http"}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Defaults, listening on {@code 127.0.0.1:port} (0 for an ephemeral port), named "http". */
    public static HttpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** A builder initialised from this configuration. */
    public Builder toBuilder() {
        return new Builder().server(server).limits(limits).serverName(serverName);
    }

    /** A copy with other limits. */
    public HttpServerConfig withLimits(HttpLimits newLimits) {
        return new HttpServerConfig(server, newLimits, serverName);
    }

    /** Builds an {@link HttpServerConfig}; starts from the documented defaults. */
    public static final class Builder extends ServerConfig.Settings<Builder> {
        private HttpLimits limits = HttpLimits.DEFAULTS;
        private String serverName = DEFAULT_SERVER_NAME;

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

        /** Validates and builds. */
        public HttpServerConfig build() {
            return new HttpServerConfig(serverConfig(), limits, serverName);
        }
    }
}
