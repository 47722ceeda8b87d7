package dev.weft.core;

import java.util.Objects;

/**
 * Where and how a server listens.
 *
 * @param name          a short name used in thread names and log lines ({@code "http"},
 *                      {@code "chat"}); default {@code "tcp"}
 * @param host          the address to bind: a literal IP or a host name; {@code "0.0.0.0"} (the
 *                      default) listens on every interface
 * @param port          the port to bind; 0 (the default) picks a free ephemeral port, readable
 *                      from the server after it started
 * @param acceptBacklog how many connections the kernel may queue before they are accepted;
 *                      default 1,024 (Linux further caps it at {@code net.core.somaxconn}). A
 *                      larger backlog absorbs bursts of new connections; a smaller one makes an
 *                      overloaded server refuse sooner
 * @param socketOptions the options of the listening and accepted sockets; default
 *                      {@link SocketOptions#DEFAULTS}
 * @param socketIo      how the sockets wait for readiness; default {@link SocketIo#AUTO}, the
 *                      server's own epoll poller where available, else the JDK's sockets
 */
public record ListenerConfig(String name, String host, int port, int acceptBacklog,
                             SocketOptions socketOptions, SocketIo socketIo) {

    /** The default name. */
    public static final String DEFAULT_NAME = "tcp";
    /** The default bind address: every interface. */
    public static final String ANY_HOST = "0.0.0.0";
    /** The default accept backlog. */
    public static final int DEFAULT_BACKLOG = 1_024;

    /** Validates every component. */
    public ListenerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(socketOptions, "socketOptions");
        Objects.requireNonNull(socketIo, "socketIo");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (acceptBacklog <= 0) {
            throw new IllegalArgumentException("acceptBacklog must be > 0: " + acceptBacklog);
        }
    }

    /**
     * The defaults under {@code name}, on every interface, at {@code port}.
     *
     * @param name a short, non-blank name used in thread names and log lines
     * @param port the port, 0 to 65535; 0 for an ephemeral port
     * @return the configuration
     */
    public static ListenerConfig of(String name, int port) {
        return new ListenerConfig(name, ANY_HOST, port, DEFAULT_BACKLOG, SocketOptions.DEFAULTS, SocketIo.AUTO);
    }
}
