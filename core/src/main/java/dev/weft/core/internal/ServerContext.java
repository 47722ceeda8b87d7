package dev.weft.core.internal;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.internal.tls.HandshakeCounters;
import dev.weft.core.internal.tls.ServerTlsContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every part of one running server shares: its configuration, counters, threads, the
 * deadline watchdog, the application's registry, the set of live connections, and its TLS
 * context when it speaks TLS.
 */
public final class ServerContext {

    private final TcpServerConfig config;
    private final long writeTimeoutNanos;
    private final ServerCounters counters = new ServerCounters();
    private final ClientTable registry;
    private final ServerThreads threads;
    private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final DeadlineWatchdog watchdog;
    /** Counts TLS ClientHellos refused by a plaintext server's protocol. */
    private final HandshakeCounters plaintextHandshakes = new HandshakeCounters();
    private volatile ServerTlsContext tls;
    private volatile boolean stopping;

    /**
     * The shared state of a server that has not started.
     *
     * @param config   the server's configuration
     * @param registry the application's registry
     */
    public ServerContext(TcpServerConfig config, ClientTable registry) {
        this.config = config;
        this.writeTimeoutNanos = config.server().writeTimeout().toNanos();
        this.registry = registry;
        this.threads = new ServerThreads(config.server().threadMode());
        this.watchdog = new DeadlineWatchdog(config.name(), connections);
    }

    /** {@return the watchdog enforcing read and write deadlines; its thread is started by the server} */
    public DeadlineWatchdog watchdog() {
        return watchdog;
    }

    /** {@return the configuration} */
    public TcpServerConfig config() {
        return config;
    }

    /** The write timeout in nanoseconds. */
    long writeTimeoutNanos() {
        return writeTimeoutNanos;
    }

    /** {@return the counters} */
    public ServerCounters counters() {
        return counters;
    }

    /** {@return the application's registry} */
    public ClientTable registry() {
        return registry;
    }

    /** {@return the thread tracker} */
    public ServerThreads threads() {
        return threads;
    }

    /** {@return the live connections} */
    public Set<SocketConnection> connections() {
        return connections;
    }

    /**
     * Makes the server speak TLS with {@code context}; called once, while starting, before the
     * first connection is accepted.
     *
     * @param context the server's TLS context
     */
    public void useTls(ServerTlsContext context) {
        this.tls = context;
    }

    /** {@return the server's TLS context; empty for a plaintext server} */
    public Optional<ServerTlsContext> tls() {
        return Optional.ofNullable(tls);
    }

    /** {@return where TLS handshakes are counted: the TLS context's counters, or a plaintext server's own} */
    public HandshakeCounters handshakes() {
        ServerTlsContext context = tls;
        return context != null ? context.counters() : plaintextHandshakes;
    }

    /** {@return whether {@code stop()} has begun} */
    public boolean stopping() {
        return stopping;
    }

    /** Marks the server as stopping. */
    public void beginStopping() {
        stopping = true;
    }
}
