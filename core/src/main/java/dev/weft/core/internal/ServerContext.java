package dev.weft.core.internal;

import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServerConfig;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every part of one running server shares: its configuration, counters, threads, the
 * deadline watchdog, the application's registry, and the set of live connections.
 */
public final class ServerContext {

    private final TcpServerConfig config;
    private final ServerCounters counters = new ServerCounters();
    private final ClientRegistry registry;
    private final ServerThreads threads;
    private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final DeadlineWatchdog watchdog;
    private volatile boolean stopping;

    /**
     * @param config   the server's configuration
     * @param registry the application's registry
     */
    public ServerContext(TcpServerConfig config, ClientRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.threads = new ServerThreads(config.threadMode());
        this.watchdog = new DeadlineWatchdog(this);
    }

    /** The watchdog enforcing read and write timeouts; its thread is started by the server. */
    public DeadlineWatchdog watchdog() {
        return watchdog;
    }

    /** The configuration. */
    public TcpServerConfig config() {
        return config;
    }

    /** The counters. */
    public ServerCounters counters() {
        return counters;
    }

    /** The application's registry. */
    public ClientRegistry registry() {
        return registry;
    }

    /** The thread tracker. */
    public ServerThreads threads() {
        return threads;
    }

    /** The live connections. */
    public Set<SocketConnection> connections() {
        return connections;
    }

    /** Whether {@code stop()} has begun. */
    public boolean stopping() {
        return stopping;
    }

    /** Marks the server as stopping. */
    public void beginStopping() {
        stopping = true;
    }
}
