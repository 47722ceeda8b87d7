package dev.weft.http;

import dev.weft.core.ClientRegistry;
import dev.weft.core.ServerMetrics;
import dev.weft.core.SocketIo;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.http.internal.Http1ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP/1.1 server: the core {@link TcpServer} running one virtual thread per connection, each
 * serving its requests in a plain blocking loop and handing them to an {@link HttpHandler}.
 *
 * <pre>{@code
 * Router router = Router.of(List.of(Route.get("/hello", request -> Response.ok("Hello"))));
 * try (HttpServer server = new HttpServer(HttpServerConfig.loopback(8080), router).start()) {
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>Each connection reads into exactly one buffer that the parser works on in place, and writes
 * from exactly one: the engine under it buffers nothing. An HTTP exchange is never a client of the
 * {@link ClientRegistry}: its peer cannot take an unsolicited message.
 *
 * <p>Lifecycle as for {@link TcpServer}: {@link #start()} returns once listening;
 * {@link #stop(Duration)} closes connections waiting between requests at once, lets requests in
 * progress finish (their responses carry {@code Connection: close}) until the grace deadline,
 * then closes the rest.
 */
public final class HttpServer implements AutoCloseable {

    private final HttpServerConfig config;
    private final TcpServer tcp;

    /**
     * Creates a server whose clients join {@code registry}.
     *
     * @param config   the configuration
     * @param handler  the application, usually a {@link Router}
     * @param registry the application's shared client registry
     */
    public HttpServer(HttpServerConfig config, HttpHandler handler, ClientRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        // An HTTP exchange never joins the registry and its loop sets every read timeout itself:
        // the engine's idle timeout is only the first wait, the outbound queue is never used.
        TcpServerConfig engine = new TcpServerConfig(config.server(), config.limits().idleTimeout(),
                TcpServerConfig.DEFAULT_OUTBOUND_QUEUE_BYTES);
        this.tcp = new TcpServer(engine,
                new Http1ConnectionHandler(handler, config.limits(), config.serverName()), registry);
    }

    /** Creates a server with a client registry of its own. */
    public HttpServer(HttpServerConfig config, HttpHandler handler) {
        this(config, handler, ClientRegistry.create());
    }

    /**
     * Binds and starts accepting; returns once listening.
     *
     * @return this server
     * @throws java.net.BindException naming the address when it is in use
     */
    public HttpServer start() throws IOException {
        tcp.start();
        return this;
    }

    /** The bound port (the ephemeral one for port 0). */
    public int port() {
        return tcp.port();
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return tcp.localAddress();
    }

    /** {@code http://host:port} followed by {@code path}. */
    public URI uri(String path) {
        return tcp.uri("http", path);
    }

    /**
     * How the sockets wait for readiness: what {@link SocketIo#AUTO} chose, or what was asked.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public SocketIo socketIo() {
        return tcp.socketIo();
    }

    /** The configuration. */
    public HttpServerConfig config() {
        return config;
    }

    /** The registry the connections join. */
    public ClientRegistry registry() {
        return tcp.registry();
    }

    /** A snapshot of the engine's counters. */
    public ServerMetrics metrics() {
        return tcp.metrics();
    }

    /** Blocks until the server has stopped. */
    public void awaitStop() throws InterruptedException {
        tcp.awaitStop();
    }

    /** Stops; see the class comment. */
    public void stop(Duration grace) {
        tcp.stop(grace);
    }

    /** Stops with the configured shutdown grace. */
    @Override
    public void close() {
        tcp.close();
    }

    @Override
    public String toString() {
        return "HttpServer[" + tcp + "]";
    }
}
