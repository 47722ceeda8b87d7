package dev.weft.core;

import dev.weft.core.internal.Acceptor;
import dev.weft.core.internal.ServerContext;
import dev.weft.core.internal.SocketConnection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that runs one thread per connection — a virtual thread unless configured
 * otherwise — executing a blocking {@link ConnectionHandler}.
 *
 * <pre>{@code
 * try (TcpServer server = new TcpServer(TcpServerConfig.loopback(7007), connection -> {
 *     byte[] buffer = new byte[8192];
 *     for (int n; (n = connection.read(buffer, 0, buffer.length)) > 0; ) {
 *         connection.write(buffer, 0, n);
 *         connection.flush();
 *     }
 * }).start()) {
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #start()} returns once the socket is bound and listening; a bind
 * failure throws a {@link BindException} naming the address. {@link #stop(Duration)} stops
 * accepting, closes the connections that are {@linkplain Connection#idle(boolean) idle}, lets
 * the others finish until the grace deadline, then closes what is left; when it returns no
 * thread of the server is running (a handler that ignores both the closed socket and the
 * interrupt is logged by name). A server starts once; {@code stop} and {@code close} may be
 * called any number of times, from any thread.
 *
 * <p><b>Per connection</b>, in this order: the acceptor checks the connection budget, applies
 * the socket options, registers the client in the {@link ClientRegistry} and
 * starts its thread; when the handler ends, the engine unregisters the client, closes the
 * socket and counts it. See {@link TcpServerConfig} for every limit and its outcome.
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpServer.class);
    /** After the grace period: how long closed and interrupted threads get to unwind. */
    private static final Duration UNWIND = Duration.ofSeconds(1);

    private final TcpServerConfig config;
    private final ConnectionHandler handler;
    private final ServerContext context;
    private final ServerLifecycle lifecycle;
    private ServerSocketChannel listener;
    private InetSocketAddress boundAddress;
    private Thread acceptorThread;
    private Thread watchdogThread;

    /**
     * Creates a server whose clients join {@code registry}.
     *
     * @param config   the configuration
     * @param handler  the protocol, run once per connection
     * @param registry the application's shared registry
     */
    @Inject
    public TcpServer(TcpServerConfig config, ConnectionHandler handler, ClientRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.context = new ServerContext(config, Objects.requireNonNull(registry, "registry"));
        this.lifecycle = new ServerLifecycle(config.name());
    }

    /** Creates a server with a registry of its own. */
    public TcpServer(TcpServerConfig config, ConnectionHandler handler) {
        this(config, handler, new ClientRegistry());
    }

    /**
     * Binds and starts accepting; returns once the socket is listening.
     *
     * @return this server
     * @throws BindException naming the address, e.g. {@code "127.0.0.1:8080 is already in use"}
     * @throws IllegalStateException if the server was started before
     */
    public TcpServer start() throws IOException {
        lifecycle.start(() -> {
            listener = bind(BindFailure.resolve(config.host(), config.port()));
            boundAddress = (InetSocketAddress) listener.getLocalAddress();
            watchdogThread = Thread.ofVirtual().name(config.name() + "-deadline-watchdog")
                    .start(context.watchdog());
            acceptorThread = context.threads().start(config.name() + "-acceptor",
                    new Acceptor(listener, handler, context));
            log.info("{} listening on {} ({} threads, at most {} connections)", config.name(),
                    boundAddress.getAddress().isAnyLocalAddress() ? config.host() + ":" + port() : BindFailure.describe(boundAddress),
                    config.threadMode().name().toLowerCase(), config.maxConnections());
        });
        return this;
    }

    private ServerSocketChannel bind(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, config.socketOptions().reuseAddress());
            if (config.socketOptions().receiveBufferBytes().isPresent()) {
                // Set on the listener so accepted sockets get it before the handshake (window scaling).
                channel.setOption(StandardSocketOptions.SO_RCVBUF,
                        config.socketOptions().receiveBufferBytes().getAsInt());
            }
            channel.bind(address, config.acceptBacklog());
            return channel;
        } catch (BindException e) {
            channel.close();
            throw BindFailure.naming(address, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The port the server listens on; the ephemeral one when configured with port 0. */
    public int port() {
        return localAddress().getPort();
    }

    /**
     * The address the server listens on.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public InetSocketAddress localAddress() {
        InetSocketAddress address = boundAddress;
        if (address == null) {
            throw new IllegalStateException(config.name() + " server is not started");
        }
        return address;
    }

    /** {@code scheme://host:port} followed by {@code path}, for clients of this server. */
    public URI uri(String scheme, String path) {
        InetSocketAddress address = localAddress();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create(scheme + "://" + host + ":" + address.getPort() + path);
    }

    /** The configuration. */
    public TcpServerConfig config() {
        return config;
    }

    /** The registry this server's clients join. */
    public ClientRegistry registry() {
        return context.registry();
    }

    /** A snapshot of the counters. */
    public ServerMetrics metrics() {
        return context.counters().snapshot(context.connections().size(), context.threads().count());
    }

    /** Whether the server has started and not begun to stop. */
    public boolean isRunning() {
        return lifecycle.isRunning() && !context.stopping();
    }

    /** Blocks until the server has stopped. */
    public void awaitStop() throws InterruptedException {
        lifecycle.awaitStop();
    }

    /**
     * Stops the server: stops accepting, closes idle connections at once, lets the others finish
     * for up to {@code grace}, then closes them and waits briefly for their threads to unwind.
     *
     * @param grace how long live connections may go on; zero closes them at once
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        lifecycle.stop(() -> {
            long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
            context.beginStopping();
            log.info("{} stopping: {} connections, grace {}", config.name(), context.connections().size(), grace);
            closeListener();
            boolean interrupted = false;
            try {
                acceptorThread.join(UNWIND);
                closeIdleConnections();
                if (!context.threads().awaitAll(deadline)) {
                    forceClose();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                forceClose();
            }
            context.watchdog().stop();
            awaitQuietly(watchdogThread);
            log.info("{} stopped", config.name());
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops with the configured {@link TcpServerConfig#shutdownGrace()}. */
    @Override
    public void close() {
        stop(config.shutdownGrace());
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            log.warn("{} closing the listening socket failed", config.name(), e);
        }
    }

    private void closeIdleConnections() {
        for (SocketConnection connection : context.connections()) {
            if (connection.isIdleForShutdown()) {
                connection.close();
            }
        }
    }

    private void forceClose() {
        List<SocketConnection> open = List.copyOf(context.connections());
        if (!open.isEmpty()) {
            log.info("{} grace period over: closing {} connections", config.name(), open.size());
        }
        open.forEach(SocketConnection::close);
        context.threads().interruptAll();
        try {
            if (!context.threads().awaitAll(System.nanoTime() + UNWIND.toNanos())) {
                log.error("{} threads still running after stop, ignoring close and interrupt: {}",
                        config.name(), context.threads().live().stream().map(Thread::getName).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join(UNWIND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    @Override
    public String toString() {
        return "TcpServer[" + config.name() + (boundAddress == null ? "" : " " + BindFailure.describe(boundAddress)) + "]";
    }
}
