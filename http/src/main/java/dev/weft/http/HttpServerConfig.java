package dev.weft.http;

import dev.weft.core.TcpServerConfig;
import java.util.Objects;

/**
 * The configuration of an {@link HttpServer}.
 *
 * @param tcp        the TCP engine's configuration (address, connection budget, write timeout,
 *                   shutdown grace, thread mode). Its {@code readBufferBytes} and
 *                   {@code writeBufferBytes} are overridden: the HTTP connection buffers its own
 *                   bytes and grows or drops its buffers with each request, so the engine keeps
 *                   none. Its {@code idleTimeout} does not apply: the timeouts of
 *                   {@link HttpLimits} do
 * @param limits     the request limits; default {@link HttpLimits#DEFAULTS}
 * @param serverName the value of the {@code Server} response header; default {@code "Weft"}
 */
public record HttpServerConfig(TcpServerConfig tcp, HttpLimits limits, String serverName) {

    /** Validates the components. */
    public HttpServerConfig {
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(serverName, "serverName");
        for (int i = 0; i < serverName.length(); i++) {
            char c = serverName.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("serverName must be printable ASCII: " + serverName);
            }
        }
    }

    /** The given TCP configuration with default limits and server name. */
    public static HttpServerConfig of(TcpServerConfig tcp) {
        return new HttpServerConfig(tcp, HttpLimits.DEFAULTS, "Weft");
    }

    /** Defaults, listening on {@code 127.0.0.1:port} (0 for an ephemeral port), named "http". */
    public static HttpServerConfig loopback(int port) {
        return of(TcpServerConfig.builder().name("http").host("127.0.0.1").port(port).build());
    }

    /** A copy with other limits. */
    public HttpServerConfig withLimits(HttpLimits newLimits) {
        return new HttpServerConfig(tcp, newLimits, serverName);
    }

    /** A copy with another TCP configuration. */
    public HttpServerConfig withTcp(TcpServerConfig newTcp) {
        return new HttpServerConfig(newTcp, limits, serverName);
    }
}
