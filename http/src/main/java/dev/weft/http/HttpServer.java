package dev.weft.http;

import dev.weft.core.ClientRegistry;
import dev.weft.core.ServerMetrics;
import dev.weft.core.SocketIo;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.internal.ClientTable;
import dev.weft.core.tls.ReloadResult;
import dev.weft.http.internal.Http1ConnectionHandler;
import dev.weft.http.internal.websocket.WebSocketSessions;
import dev.weft.http.websocket.WebSocketMetrics;
import dev.weft.http.internal.h2.Http2Connections;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP/1.1 and HTTP/2 server: the core {@link TcpServer} running one virtual thread per
 * connection, each serving its requests in a plain blocking loop and running them through an
 * {@link HttpPipeline} (filters, routing, handler, error model).
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
 * <p><b>HTTP/2</b> (on unless {@link HttpServerConfig#http2()} is empty): a client starts it on the
 * plain port with the connection preface (prior knowledge, {@code curl --http2-prior-knowledge})
 * or with {@code Upgrade: h2c} ({@code java.net.http} for {@code http://}), and on an HTTPS port
 * by ALPN {@code h2}. Each request stream runs on a thread of its own through the same pipeline
 * as an HTTP/1.1 request; a response body write waits for the client's flow-control window
 * without holding up other streams. Every HTTP/2 limit ({@link Http2Config}) has a defined
 * outcome, counted in {@link #http2Metrics()}.
 *
 * <p><b>HTTPS</b>: with a {@link HttpServerConfig#tls() TlsConfig} the server speaks HTTP/2 and
 * HTTP/1.1 over TLS (ALPN {@code h2}, {@code http/1.1}), the handshake on each connection's own
 * thread before its first request; certificates are reloaded as for {@link TcpServer}, and {@link #reloadTls()}
 * reloads them on demand. A plain {@code http://} request to an HTTPS port is answered
 * {@code 400} saying so; a TLS ClientHello sent to a plain HTTP port is closed before it is
 * parsed. Both are counted in {@link ServerMetrics#tls()} and logged at DEBUG.
 *
 * <p>Lifecycle as for {@link TcpServer}: {@link #start()} returns once listening;
 * {@link #stop(Duration)} closes connections waiting between requests at once, lets requests in
 * progress finish (their responses carry {@code Connection: close}; an HTTP/2 connection gets
 * {@code GOAWAY} with its last stream id and refuses new streams) until the grace deadline, then
 * closes the rest. Every thread of a connection, HTTP/2 stream threads included, is the server's:
 * none outlives {@code stop}.
 *
 * <p>A route made by {@link Route#websocket} upgrades its connection: after the {@code 101}, the
 * connection's thread runs the WebSocket endpoint until the session ends. Sessions are counted in
 * {@link #webSocketMetrics()}, may join the registry ({@code session.client()}), and are closed
 * with {@code 1001} when the server stops.
 */
public final class HttpServer implements AutoCloseable {

    private final HttpServerConfig config;
    private final HttpPipeline pipeline;
    private final TcpServer tcp;
    private final WebSocketSessions webSockets;
    private final Optional<Http2Connections> http2;

    /**
     * Creates a server whose clients join {@code registry}.
     *
     * @param config   the configuration
     * @param handler  the application: an {@link HttpPipeline} (filters, handler, error model), or
     *                 a plain handler such as a {@link Router}, then run in a pipeline without
     *                 filters
     * @param registry the application's shared client registry
     */
    public HttpServer(HttpServerConfig config, HttpHandler handler, ClientRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = handler instanceof HttpPipeline p ? p : HttpPipeline.of(handler);
        this.http2 = config.http2().map(h2 -> new Http2Connections(h2, config.limits(), pipeline, config.serverName()));
        // An HTTP exchange never joins the registry and its loop sets every read timeout itself:
        // the engine's idle timeout is only the first wait, the outbound queue is never used.
        TcpServerConfig engine = new TcpServerConfig(config.server(), config.limits().idleTimeout(),
                TcpServerConfig.DEFAULT_OUTBOUND_QUEUE_BYTES, config.tls());
        this.webSockets = new WebSocketSessions(ClientTable.of(Objects.requireNonNull(registry, "registry")));
        this.tcp = new TcpServer(engine,
                new Http1ConnectionHandler(pipeline, config.limits(), config.serverName(), webSockets, http2),
                registry);
    }

    /**
     * Creates a server with a client registry of its own.
     *
     * @param config  the configuration
     * @param handler the application (see {@link #HttpServer(HttpServerConfig, HttpHandler, ClientRegistry)})
     */
    public HttpServer(HttpServerConfig config, HttpHandler handler) {
        this(config, handler, ClientRegistry.create());
    }

    /**
     * The pipeline every exchange runs through.
     *
     * @return the pipeline
     */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /**
     * Binds and starts accepting; returns once listening.
     *
     * @return this server
     * @throws java.net.BindException naming the address when it is in use
     * @throws dev.weft.core.tls.TlsConfigException when a TLS file is missing, damaged or does
     *     not match, naming the file and the problem
     */
    public HttpServer start() throws IOException {
        tcp.start();
        return this;
    }

    /** {@return the bound port (the ephemeral one for port 0)} */
    public int port() {
        return tcp.port();
    }

    /** {@return the bound address} */
    public InetSocketAddress localAddress() {
        return tcp.localAddress();
    }

    /**
     * {@return {@code http://host:port} (or {@code https://} when it speaks TLS) followed by
     * {@code path}}
     *
     * @param path the path, starting with {@code /}
     */
    public URI uri(String path) {
        return tcp.uri(config.secure() ? "https" : "http", path);
    }

    /**
     * Reloads the certificates now; see {@link TcpServer#reloadTls()}.
     *
     * @return what the reload did
     * @throws IllegalStateException if the server speaks no TLS, or has not started
     */
    public ReloadResult reloadTls() {
        return tcp.reloadTls();
    }

    /**
     * How the sockets wait for readiness: what {@link SocketIo#AUTO} chose, or what was asked.
     *
     * @return the socket I/O in use
     * @throws IllegalStateException before {@link #start()}
     */
    public SocketIo socketIo() {
        return tcp.socketIo();
    }

    /** {@return the configuration} */
    public HttpServerConfig config() {
        return config;
    }

    /** {@return the registry the connections join} */
    public ClientRegistry registry() {
        return tcp.registry();
    }

    /** {@return a snapshot of the engine's counters} */
    public ServerMetrics metrics() {
        return tcp.metrics();
    }

    /**
     * A snapshot of the counters of this server's WebSocket sessions.
     *
     * @return the metrics
     */
    public WebSocketMetrics webSocketMetrics() {
        return webSockets.metrics();
    }

    /**
     * {@return a snapshot of the HTTP/2 counters: connections, streams, resets and refusals, and
     * each kind of abuse refused} All zero when the server speaks HTTP/1.1 only.
     */
    public Http2Metrics http2Metrics() {
        return http2.map(Http2Connections::metrics).orElse(Http2Metrics.NONE);
    }

    /**
     * Blocks until the server has stopped.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitStop() throws InterruptedException {
        tcp.awaitStop();
    }

    /**
     * Stops; see the class comment. WebSocket sessions are told first: each gets a close frame
     * with {@code 1001} ("server stopping") after what it has queued, and its connection closes
     * when the peer answers, after the session's close timeout, or at the end of {@code grace},
     * whichever comes first. When this returns, no thread of the server is left, the WebSocket
     * timer included.
     *
     * @param grace how long live exchanges, HTTP/2 streams and sessions may go on
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (tcp.isRunning()) {
            webSockets.goingAway();
        }
        http2.ifPresent(connections -> connections.stop(grace));
        tcp.stop(grace);
    }

    /** Stops with the configured shutdown grace. */
    @Override
    public void close() {
        stop(config.server().shutdownGrace());
    }

    @Override
    public String toString() {
        return "HttpServer[" + tcp + "]";
    }
}
