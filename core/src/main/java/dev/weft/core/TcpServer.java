package dev.weft.core;

import dev.weft.core.internal.Acceptor;
import dev.weft.core.internal.BoundAddress;
import dev.weft.core.internal.ClientTable;
import dev.weft.core.internal.LoggingCheck;
import dev.weft.core.internal.Listener;
import dev.weft.core.internal.ServerContext;
import dev.weft.core.internal.ServerLifecycle;
import dev.weft.core.internal.ServerThreads;
import dev.weft.core.internal.SocketConnection;
import dev.weft.core.internal.tls.CertificateWatcher;
import dev.weft.core.internal.tls.ServerTlsContext;
import dev.weft.core.tls.ReloadResult;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.internal.SocketEngine;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 *     }
 * }, ClientRegistry.create()).start()) {
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
 * called any number of times, from any thread. A handler that is {@link ServerAware} is told
 * when the server has started and when it is stopping.
 *
 * <p><b>Per connection</b>, in this order: the acceptor asks the admission policy, checks the
 * connection budget, applies the socket options and starts the connection's thread; the handler
 * runs, and may make the connection a {@linkplain Connection#client() registry client}; when the
 * handler ends, the engine unregisters the client, closes the socket and counts it. See
 * {@link TcpServerConfig} for every limit and its outcome.
 *
 * <p><b>TLS.</b> With a {@link TcpServerConfig#tls() TlsConfig}, {@link #start()} reads and checks
 * the certificate files (a bad one fails the start with a {@link TlsConfigException} naming the
 * file and the problem) and, unless turned off, watches them on a thread of the server:
 * changed files are loaded for new handshakes, live connections keep theirs, and a file that does
 * not load is refused while the old certificate stays. {@link #reloadTls()} does the same on
 * demand. Each connection's handshake runs on its own thread before the handler, under the
 * handshake timeout; the outcomes are counted in {@link ServerMetrics#tls()}.
 *
 * <p><b>With Dagger</b>, provide each server once per component, in a {@code @Provides @Singleton}
 * method of the application's module (with a qualifier when there are several): the server has no
 * {@code @Inject} constructor, so a component can never build a second, unstarted copy.
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpServer.class);
    /** After the grace period: how long closed and interrupted threads get to unwind. */
    private static final Duration UNWIND = Duration.ofSeconds(1);

    private final TcpServerConfig config;
    private final ConnectionHandler handler;
    private final ServerContext context;
    private final ServerLifecycle lifecycle;
    private final BoundAddress address;
    private final ServerThreads background;
    private volatile SocketEngine sockets;
    private Listener listener;
    private Thread acceptorThread;
    private Thread watchdogThread;
    private CertificateWatcher certificateWatcher;

    /**
     * Creates a server whose clients join {@code registry}.
     *
     * @param config   the configuration
     * @param handler  the protocol, run once per connection
     * @param registry the application's shared registry, from {@link ClientRegistry#create()}
     */
    public TcpServer(TcpServerConfig config, ConnectionHandler handler, ClientRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.context = new ServerContext(config, ClientTable.of(Objects.requireNonNull(registry, "registry")));
        this.lifecycle = new ServerLifecycle(config.name());
        this.address = new BoundAddress(config.name());
        this.background = new ServerThreads(config.server().threadMode());
    }

    /**
     * Creates a server with a registry of its own.
     *
     * @param config  the server's configuration
     * @param handler runs once per connection, on the connection's own thread
     */
    public TcpServer(TcpServerConfig config, ConnectionHandler handler) {
        this(config, handler, ClientRegistry.create());
    }

    /**
     * Binds and starts accepting; returns once the socket is listening. The first server of a JVM
     * to start says on standard error, once, when no SLF4J provider is present (every log line
     * would be discarded).
     *
     * @return this server
     * @throws BindException naming the address, e.g. {@code "127.0.0.1:8080 is already in use"}
     * @throws TlsConfigException when a TLS file is missing, damaged or does not match, naming
     *     the file and the problem
     * @throws IllegalStateException if the server was started before
     */
    public TcpServer start() throws IOException {
        LoggingCheck.warnOnceIfNoProvider();
        lifecycle.start(() -> {
            config.tls().map(ServerTlsContext::create).ifPresent(context::useTls);
            ListenerConfig l = config.server().listener();
            SocketEngine engine = SocketEngine.open(l.socketIo(), config.name());
            try {
                listener = address.listen(l.host(), l.port(), at -> engine.listen(at, l));
            } catch (IOException | RuntimeException e) {
                engine.stop();
                throw e;
            }
            sockets = engine;
            watchdogThread = Thread.ofVirtual().name(config.name() + "-deadline-watchdog").start(context.watchdog());
            if (handler instanceof ServerAware aware) {
                aware.serverStarted(new Scope());
            }
            startCertificateWatcher();
            acceptorThread = context.threads().start(config.name() + "-acceptor",
                    new Acceptor(listener, handler, context));
            log.info("{} listening on {}{} ({} threads, {}, at most {} connections)", config.name(),
                    address.get().getAddress().isAnyLocalAddress() ? l.host() + ":" + port() : address.describe(),
                    config.tls().isPresent() ? " with TLS" : "",
                    config.server().threadMode().name().toLowerCase(), engine.description(),
                    config.server().maxConnections());
        });
        return this;
    }

    /** Watches the certificate files on a thread of the server, when the configuration asks. */
    private void startCertificateWatcher() {
        Optional<Duration> interval = config.tls().flatMap(TlsConfig::reloadCheckInterval);
        if (interval.isPresent()) {
            certificateWatcher = CertificateWatcher.start(context.tls().orElseThrow(), interval.get(),
                    task -> background.start(config.name() + "-tls-reload", task));
        }
    }

    /**
     * Reads the certificate, key and trust files again now and, if they changed and load, uses
     * them for new handshakes; live connections keep theirs. A file that does not load is refused
     * (a WARN line) and the certificates in use stay. For a SIGHUP handler or an admin route;
     * the server also does this by itself every {@link TlsConfig#reloadCheckInterval()}.
     *
     * @return what happened: reloaded (with the new certificate's fingerprint), unchanged, or refused
     * @throws IllegalStateException if the server speaks no TLS, or has not started
     */
    public ReloadResult reloadTls() {
        if (config.tls().isEmpty()) {
            throw new IllegalStateException(config.name() + " speaks no TLS: there is nothing to reload");
        }
        return context.tls()
                .orElseThrow(() -> new IllegalStateException(config.name() + " has not started"))
                .reload();
    }

    /**
     * {@return the port the server listens on; the ephemeral one when configured with port 0}
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        return localAddress().getPort();
    }

    /**
     * {@return the address the server listens on}
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public InetSocketAddress localAddress() {
        return address.get();
    }

    /**
     * {@code scheme://host:port} followed by {@code path}, for clients of this server; the
     * wildcard address becomes {@code 127.0.0.1}.
     *
     * @param scheme the URI scheme, for example {@code "http"}
     * @param path   appended after the port: empty, or starting with {@code /}
     * @return the URI
     * @throws IllegalStateException before {@link #start()}
     */
    public URI uri(String scheme, String path) {
        return address.uri(scheme, path);
    }

    /**
     * How the sockets wait for readiness: {@link SocketIo#EPOLL} or {@link SocketIo#JDK}, what
     * {@link SocketIo#AUTO} chose.
     *
     * @return the socket I/O in use
     * @throws IllegalStateException before {@link #start()}
     */
    public SocketIo socketIo() {
        SocketEngine engine = sockets;
        if (engine == null) {
            throw new IllegalStateException(config.name() + " server is not started");
        }
        return engine.kind();
    }

    /** {@return the configuration} */
    public TcpServerConfig config() {
        return config;
    }

    /** {@return the registry this server's clients join} */
    public ClientRegistry registry() {
        return context.registry();
    }

    /** {@return a snapshot of the counters} */
    public ServerMetrics metrics() {
        SocketEngine engine = sockets;
        return context.counters().snapshot(context.connections().size(),
                context.threads().count() + background.count() + (engine == null ? 0 : engine.threads()),
                context.handshakes().snapshot());
    }

    /** {@return whether the server has started and not begun to stop} */
    public boolean isRunning() {
        return lifecycle.isRunning() && !context.stopping();
    }

    /**
     * Blocks until the server has stopped.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        lifecycle.awaitStop();
    }

    /**
     * Stops the server: stops accepting, closes idle connections at once, lets the others finish
     * for up to {@code grace}, then closes them, tells a {@link ServerAware} handler, and waits
     * briefly for every thread of the server to unwind.
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
            stopBackground();
            context.watchdog().stop();
            awaitQuietly(watchdogThread);
            sockets.stop();
            log.info("{} stopped", config.name());
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops with the configured {@link ServerConfig#shutdownGrace()}. */
    @Override
    public void close() {
        stop(config.server().shutdownGrace());
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
            connection.closeIfIdle();
        }
    }

    private void forceClose() {
        List<SocketConnection> open = List.copyOf(context.connections());
        if (!open.isEmpty()) {
            log.info("{} grace period over: closing {} connections", config.name(), open.size());
        }
        open.forEach(SocketConnection::close);
        awaitOrReport(context.threads());
    }

    /**
     * Stops the certificate watcher, tells a {@link ServerAware} handler, then interrupts and
     * awaits the background threads.
     */
    private void stopBackground() {
        if (certificateWatcher != null) {
            certificateWatcher.stop();
        }
        if (handler instanceof ServerAware aware) {
            try {
                aware.serverStopping();
            } catch (RuntimeException e) {
                log.error("{} handler failed while stopping", config.name(), e);
            }
        }
        awaitOrReport(background);
    }

    private void awaitOrReport(ServerThreads threads) {
        threads.interruptAll();
        try {
            if (!threads.awaitAll(System.nanoTime() + UNWIND.toNanos())) {
                log.error("{} threads still running after stop, ignoring close and interrupt: {}",
                        config.name(), threads.live().stream().map(Thread::getName).toList());
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
        String bound = address.describe();
        return "TcpServer[" + config.name() + (bound.isEmpty() ? "" : " " + bound) + "]";
    }

    /** The running server's threads, offered to a {@link ServerAware} handler. */
    private final class Scope implements ServerScope {
        @Override
        public String serverName() {
            return config.name();
        }

        @Override
        public Thread startThread(String name, Runnable task) {
            return background.start(name, task);
        }
    }
}
