package dev.weft.core.pool;

import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.core.internal.ClientChannel;
import dev.weft.core.internal.tls.ClientTlsContext;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.tls.TlsMetrics;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of TCP connections to one address.
 *
 * <pre>{@code
 * try (ConnectionPool pool = new ConnectionPool(PoolConfig.of(upstream))) {
 *     try (PooledConnection c = pool.acquire()) {
 *         c.output().write(request);
 *         c.output().flush();
 *         readResponse(c.input());
 *     }                                   // back to the pool, or closed if it broke
 * }
 * }</pre>
 *
 * <p>{@link #acquire()} hands out the most recently returned idle connection (the one least
 * likely to have been closed by the upstream) after validating it, else opens a new one while
 * fewer than {@link PoolConfig#maxConnections()} exist, else waits up to
 * {@link PoolTimeouts#acquire()} for one to come back. Connections idle for longer than
 * {@link PoolTimeouts#idle()} are closed by a thread of the server the pool works for
 * ({@link ServerAware}), or, without a server, when the pool is next used. Waiting and bookkeeping
 * use a {@link ReentrantLock}; connects, validation and closes happen outside it.
 *
 * <p><b>TLS</b> ({@link PoolConfig#tls()}): a new connection's handshake runs in
 * {@link #acquire()}, on the caller's thread, before it is handed out; the streams are then the
 * decrypted ones, and the handshakes are counted in {@link #tlsMetrics()}. An idle connection
 * is validated as a plain one is: any byte waiting from the server (an alert or close_notify, at
 * that point) discards it.
 */
public final class ConnectionPool implements ServerAware, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPool.class);
    private static final Duration MIN_EVICTION_INTERVAL = Duration.ofMillis(10);

    private final PoolConfig config;
    private final Optional<ClientTlsContext> tls;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    private final Condition closing = lock.newCondition();
    /** Idle connections, the most recently returned first. */
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder created = new LongAdder();
    private final LongAdder reused = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder acquireTimeouts = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private volatile Thread evictor;
    /** Connections that exist or are being opened: leased, idle or connecting. */
    private int open;
    private boolean closed;

    /**
     * Creates the pool; no connection is opened and no thread started yet.
     *
     * @param config the pool's configuration, not null
     * @throws TlsConfigException when a file of the TLS configuration is missing or damaged,
     *     naming the file and the problem
     */
    public ConnectionPool(PoolConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = config.tls().map(ClientTlsContext::create);
    }

    /**
     * Starts evicting idle connections on a thread of the server the pool works for (the server
     * awaits it when it stops). Without a server, idle connections past the idle timeout are
     * evicted whenever the pool is next used.
     */
    @Override
    public void serverStarted(ServerScope scope) {
        lock.lock();
        try {
            if (evictor != null || closed) {
                return;
            }
            evictor = scope.startThread(scope.serverName() + "-pool-evictor-" + config.address().getPort(),
                    this::evictLoop);
        } finally {
            lock.unlock();
        }
    }

    /** Stops the eviction thread; the pool stays usable until {@link #close()}. */
    @Override
    public void serverStopping() {
        Thread running;
        lock.lock();
        try {
            running = evictor;
            evictor = null;
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        awaitEnd(running);
    }

    /** {@return the configuration} */
    public PoolConfig config() {
        return config;
    }

    /**
     * Leases a connection: a validated idle one, a new one, or the first one returned within the
     * acquire timeout.
     *
     * @return the leased connection; {@link PooledConnection#close()} returns it to the pool
     * @throws PoolExhaustedException when all connections stayed leased for the acquire timeout
     * @throws IOException when a new connection cannot be opened, or the pool is closed
     */
    public PooledConnection acquire() throws IOException {
        long deadline = System.nanoTime() + config.timeouts().acquire().toNanos();
        if (evictor == null) {
            evictIdle(); // no server thread does it
        }
        while (true) {
            PooledConnection candidate = takeIdleOrReserve(deadline);
            if (candidate == null) {
                return connect();
            }
            long idleNanos = System.nanoTime() - candidate.idleSinceNanos();
            if (idleNanos < config.timeouts().idle().toNanos() && candidate.stillQuiet()) {
                reused.increment();
                candidate.lease();
                return candidate;
            }
            log.debug("{} failed validation: discarded", candidate);
            discard(candidate);
        }
    }

    /** Returns an idle connection, or null after reserving a slot for a new one. */
    private PooledConnection takeIdleOrReserve(long deadline) throws IOException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IOException("pool for " + config.address() + " is closed");
                }
                PooledConnection first = idle.pollFirst();
                if (first != null) {
                    return first;
                }
                if (open < config.maxConnections()) {
                    open++;
                    return null;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    acquireTimeouts.increment();
                    throw new PoolExhaustedException("no connection to " + config.address()
                            + " came free within " + config.timeouts().acquire().toMillis()
                            + " ms (all " + config.maxConnections() + " are in use)");
                }
                returned.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a connection to " + config.address(), e);
        } finally {
            lock.unlock();
        }
    }

    private PooledConnection connect() throws IOException {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(config.address(), timeoutMillis(config.timeouts().connect()));
            channel.socket().setSoTimeout(timeoutMillis(config.timeouts().read()));
            long id = ids.incrementAndGet();
            ClientChannel link = tls.isPresent()
                    ? ClientChannel.tls(channel, tls.get(), config.address(), "pool-conn-" + id)
                    : ClientChannel.plain(channel);
            PooledConnection connection = new PooledConnection(this, id, link);
            created.increment();
            connection.lease();
            return connection;
        } catch (IOException | RuntimeException e) {
            connectFailures.increment();
            if (channel != null) {
                channel.close();
            }
            freeSlot();
            throw e;
        }
    }

    /** Called by {@link PooledConnection#close()}. */
    void release(PooledConnection connection, boolean reusable) {
        lock.lock();
        try {
            if (reusable && !closed) {
                connection.idleSince(System.nanoTime());
                idle.addFirst(connection);
                returned.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        discard(connection);
    }

    private void discard(PooledConnection connection) {
        discarded.increment();
        connection.closeChannel();
        freeSlot();
    }

    private void freeSlot() {
        lock.lock();
        try {
            open--;
            returned.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the idle connections that have exceeded the idle timeout. The pool's own thread
     * calls this regularly; calling it directly is harmless.
     *
     * @return how many connections were closed
     */
    public int evictIdle() {
        long now = System.nanoTime();
        List<PooledConnection> expired = new ArrayList<>();
        lock.lock();
        try {
            // The oldest are at the end: stop at the first one still fresh.
            while (!idle.isEmpty() && now - idle.peekLast().idleSinceNanos() >= config.timeouts().idle().toNanos()) {
                expired.add(idle.pollLast());
                open--;
            }
            if (!expired.isEmpty()) {
                returned.signalAll();
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(PooledConnection::closeChannel);
        evicted.add(expired.size());
        return expired.size();
    }

    private void evictLoop() {
        Duration half = config.timeouts().idle().dividedBy(2);
        long intervalNanos = (half.compareTo(MIN_EVICTION_INTERVAL) < 0 ? MIN_EVICTION_INTERVAL : half).toNanos();
        Thread me = Thread.currentThread();
        while (true) {
            lock.lock();
            try {
                if (closed || evictor != me) {
                    return;
                }
                closing.awaitNanos(intervalNanos);
                if (closed || evictor != me) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            evictIdle();
        }
    }

    /** {@return a snapshot of the counters} */
    public PoolMetrics metrics() {
        lock.lock();
        try {
            return new PoolMetrics(created.sum(), reused.sum(), discarded.sum(), evicted.sum(),
                    acquireTimeouts.sum(), connectFailures.sum(), open - idle.size(), idle.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The TLS handshakes of this pool's connections: completed, and failed by reason (a server
     * certificate that does not verify or does not name the host is {@code BAD_CERTIFICATE}).
     * {@link TlsMetrics#NONE} for a plain pool.
     *
     * @return a snapshot of the handshake counters
     */
    public TlsMetrics tlsMetrics() {
        return tls.map(context -> context.counters().snapshot()).orElse(TlsMetrics.NONE);
    }

    /**
     * Closes the idle connections and stops the eviction thread, if any; waiting and later
     * {@link #acquire()} calls fail, and leased connections are closed when they come back.
     */
    @Override
    public void close() {
        List<PooledConnection> left;
        Thread running;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            running = evictor;
            evictor = null;
            left = List.copyOf(idle);
            open -= idle.size();
            idle.clear();
            returned.signalAll();
            closing.signalAll();
        } finally {
            lock.unlock();
        }
        left.forEach(PooledConnection::closeChannel);
        awaitEnd(running);
    }

    private static void awaitEnd(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int timeoutMillis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + config.address() + ", max " + config.maxConnections() + "]";
    }
}
