package dev.weft.core.internal;

import dev.weft.core.Client;
import dev.weft.core.ClientAttributes;
import dev.weft.core.Connection;
import dev.weft.core.internal.tls.ServerTlsContext;
import dev.weft.core.internal.tls.TlsHandshakeException;
import dev.weft.core.internal.tls.TlsTransport;
import dev.weft.core.tls.TlsInfo;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection, presented as a {@link Connection} (to its handler) and, once the
 * handler asks, as a {@link Client} (to the registry and to other threads): one object per
 * connection, so an idle connection costs as little heap as possible. Holds no buffer: reads and
 * writes go straight to the {@link Transport}.
 *
 * <p><b>Who may write the socket:</b> the connection's own thread, and the one thread that drains
 * its outbound queue, each under {@link #writeLock} for one write at a time. Nothing else takes
 * that lock: creating the client's attributes or its queue, queueing a message and closing are
 * all lock-free with respect to I/O, so a broadcaster never waits for a socket.
 *
 * <p><b>Deadlines:</b> every read and write publishes its absolute deadline for the server's
 * {@link DeadlineWatchdog}, which closes the connection when it passes; the failed read then
 * reports a {@link SocketTimeoutException}.
 *
 * <p><b>TLS:</b> on a TLS server, {@link #handshake()} runs first on the connection's thread,
 * under the handshake deadline (published as a read deadline), and then layers a
 * {@link TlsTransport} over the plain transport the engine chose; the write lock above is the
 * one the TLS layer takes when its reader must write.
 */
public final class SocketConnection implements Connection, Client, Deadlined {

    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
    /** The most bytes one zero-copy call may send under one write deadline. */
    static final long TRANSFER_CHUNK_BYTES = 256 * 1024;
    /** The most queued bytes coalesced into one write by the drainer. */
    private static final int COALESCE_BYTES = 16 * 1024;

    private static final VarHandle CLOSED;
    private static final VarHandle ATTRIBUTES;
    private static final VarHandle OUTBOUND;
    private static final VarHandle REGISTERED;
    private static final VarHandle ACTIVITY;

    /** {@link #activity}: the handler is working. */
    private static final int BUSY = 0;
    /** {@link #activity}: the handler waits for its peer with no work in progress. */
    private static final int IDLE = 1;
    /** {@link #activity}: a stopping server closed the connection while it was idle. */
    private static final int STOPPED_WHILE_IDLE = 2;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CLOSED = lookup.findVarHandle(SocketConnection.class, "closed", boolean.class);
            ATTRIBUTES = lookup.findVarHandle(SocketConnection.class, "attributes", ClientAttributes.class);
            OUTBOUND = lookup.findVarHandle(SocketConnection.class, "outbound", OutboundQueue.class);
            REGISTERED = lookup.findVarHandle(SocketConnection.class, "registered", boolean.class);
            ACTIVITY = lookup.findVarHandle(SocketConnection.class, "activity", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** How an operation ran out of time, as the watchdog decided. */
    enum Expiry { NONE, READ, WRITE }

    private final long id;
    /** The plain transport until a TLS handshake finishes, then the TLS layer over it. */
    private volatile Transport transport;
    private final ServerContext server;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final ReentrantLock writeLock = new ReentrantLock();

    private volatile boolean closed;
    private volatile Duration readTimeout;
    private volatile long readTimeoutNanos;
    private volatile long readDeadline;
    private volatile long writeDeadline;
    private volatile Expiry expiry = Expiry.NONE;
    private volatile int activity = BUSY;
    private volatile ClientAttributes attributes;
    private volatile OutboundQueue outbound;
    private volatile boolean registered;
    private volatile Registration registration;
    /** The TLS layer, once its handshake has finished; written and read by the connection's thread. */
    private TlsTransport tls;
    private volatile TlsInfo tlsInfo;
    private volatile boolean handshaking;

    /**
     * A connection not registered yet.
     *
     * @param id            the registry-wide id
     * @param transport     the byte stream of the accepted socket
     * @param remoteAddress the peer's address
     * @param localAddress  the local address the peer connected to
     * @param server        the server's shared state
     */
    public SocketConnection(long id, Transport transport, InetSocketAddress remoteAddress,
                            InetSocketAddress localAddress, ServerContext server) {
        this.id = id;
        this.transport = transport;
        this.server = server;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.readTimeout = server.config().idleTimeout();
        this.readTimeoutNanos = readTimeout.toNanos();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String protocol() {
        return "tcp";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tlsInfo);
    }

    /**
     * On a TLS server, runs the handshake on this (the connection's own) thread before the handler
     * starts: under the handshake deadline, which the watchdog enforces like a read deadline, and
     * counted as idle, so a stopping server closes it at once. Afterwards every read and write
     * goes through the TLS layer. A plaintext server's connections pass straight through.
     *
     * @return whether the handler may run: false when the handshake failed (already counted,
     *     logged at DEBUG and closed) or the server stopped meanwhile
     */
    boolean handshake() {
        Optional<ServerTlsContext> context = server.tls();
        if (context.isEmpty()) {
            return true;
        }
        ServerTlsContext tlsContext = context.get();
        TlsTransport layer = new TlsTransport(transport, tlsContext.newEngine(), writeLock,
                tlsContext.counters(), toString());
        if (!idle(true)) {
            return false;
        }
        long deadline = System.nanoTime() + tlsContext.config().handshakeTimeout().toNanos();
        transport = layer; // a close from now on (the watchdog, a stopping server) goes through the TLS layer
        handshaking = true;
        readDeadline = deadline;
        server.watchdog().published(deadline);
        try {
            tlsInfo = layer.handshake(deadline);
        } catch (TlsHandshakeException e) {
            return false;
        } finally {
            readDeadline = 0;
            handshaking = false;
        }
        tls = layer;
        return idle(false);
    }

    /**
     * After the handler returned normally and queued messages went out: tells a TLS peer that the
     * stream is complete (close_notify), under the write deadline, before the engine closes the
     * socket. Nothing for a plaintext connection, a closed one or a failed ending (whose close
     * sends nothing).
     */
    void endTls() {
        TlsTransport layer = tls;
        if (layer == null || closed) {
            return;
        }
        writeLock.lock();
        try {
            beginWrite();
            layer.shutdownOutput();
        } catch (IOException e) {
            log.debug("{} close_notify not sent: {}", this, e.toString());
        } finally {
            writeDeadline = 0;
            writeLock.unlock();
        }
    }

    @Override
    public Client client() {
        if (REGISTERED.compareAndSet(this, false, true)) {
            registration = server.registry().register(this);
        }
        return this;
    }

    /** Ends the registry membership, if the handler asked for one; called by the runner. */
    void unregister() {
        Registration r = registration;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public ClientAttributes attributes() {
        ClientAttributes a = attributes;
        if (a == null) {
            ClientAttributes created = new ClientAttributes();
            a = ATTRIBUTES.compareAndSet(this, null, created) ? created : attributes;
        }
        return a;
    }

    // ---- reads (connection thread only) ----

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        publishReadDeadline();
        int n;
        try {
            n = transport.read(buffer, offset, length);
        } catch (IOException e) {
            throw readFailure(e);
        } finally {
            readDeadline = 0;
        }
        if (n > 0) {
            server.counters().bytesRead.add(n);
        }
        return n;
    }

    @Override
    public void awaitReadable() throws IOException {
        publishReadDeadline();
        try {
            transport.awaitReadable();
        } catch (IOException e) {
            throw readFailure(e);
        } finally {
            readDeadline = 0;
        }
    }

    /** Starts the read timeout: the watchdog closes the connection if the wait outlives it. */
    private void publishReadDeadline() {
        long deadline = System.nanoTime() + readTimeoutNanos;
        readDeadline = deadline;
        server.watchdog().published(deadline);
    }

    /** What a failed read or wait throws: a timeout when the watchdog closed it for its deadline. */
    private IOException readFailure(IOException e) {
        if (expiry == Expiry.READ) {
            SocketTimeoutException timeout = new SocketTimeoutException("no data for " + readTimeout);
            timeout.initCause(e);
            return timeout;
        }
        return e;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public void readTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        readTimeout = timeout;
        readTimeoutNanos = timeout.toNanos();
    }

    @Override
    public long readDeadline() {
        return readDeadline;
    }

    @Override
    public void expireRead() {
        if (handshaking) {
            // counted by the handshake itself, as a TIMEOUT failure, when the close fails it
            log.debug("{} closed: the TLS handshake did not finish in time", this);
            close();
            return;
        }
        log.debug("{} closed: no data for {}", this, readTimeout);
        expiry = Expiry.READ;
        server.counters().idleTimeouts.increment();
        close();
    }

    // ---- writes (connection thread and outbound drainer, one at a time under writeLock) ----

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        writeLock.lock();
        try {
            writeToTransport(bytes, offset, length);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("position and count must be >= 0: " + position + ", " + count);
        }
        writeLock.lock();
        try {
            long sent = 0;
            while (sent < count) {
                long chunk = Math.min(count - sent, TRANSFER_CHUNK_BYTES);
                long n;
                beginWrite();
                try {
                    n = transport.transferFrom(file, position + sent, chunk);
                } finally {
                    writeDeadline = 0;
                }
                if (n <= 0) {
                    break; // the file is shorter than position + count
                }
                sent += n;
                server.counters().bytesWritten.add(n);
            }
            return sent;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Thread startThread(String suffix, Runnable task) {
        Objects.requireNonNull(task, "task");
        return server.threads().start(this + "-" + suffix, task);
    }

    @Override
    public void shutdownOutput() throws IOException {
        writeLock.lock();
        try {
            transport.shutdownOutput();
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes fully under the write deadline; the caller holds {@link #writeLock}. */
    private void writeToTransport(byte[] bytes, int offset, int length) throws IOException {
        beginWrite();
        try {
            transport.write(bytes, offset, length);
        } finally {
            writeDeadline = 0;
        }
        server.counters().bytesWritten.add(length);
    }

    private void beginWrite() {
        long deadline = System.nanoTime() + server.writeTimeoutNanos();
        writeDeadline = deadline;
        server.watchdog().published(deadline);
    }

    @Override
    public long writeDeadline() {
        return writeDeadline;
    }

    @Override
    public void expireWrite() {
        log.debug("{} closed: a write waited more than {}", this, server.config().server().writeTimeout());
        expiry = Expiry.WRITE;
        server.counters().writeTimeouts.increment();
        close();
    }

    /** How the connection ran out of time, if it did. */
    Expiry expiry() {
        return expiry;
    }

    // ---- client side: queued sends from any thread ----

    @Override
    public boolean send(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            return false;
        }
        OutboundQueue.Offer offer = outboundQueue().offer(message, this::startDrainer);
        switch (offer) {
            case QUEUED -> {
                return true;
            }
            case OVERFLOW -> {
                log.debug("{} disconnected: its outbound queue exceeded {} bytes", this,
                        server.config().outboundQueueBytes());
                server.registry().countSlowClientDisconnected();
                close();
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private OutboundQueue outboundQueue() {
        OutboundQueue q = outbound;
        if (q == null) {
            OutboundQueue created = new OutboundQueue(server.config().outboundQueueBytes());
            q = OUTBOUND.compareAndSet(this, null, created) ? created : outbound;
        }
        return q;
    }

    private void startDrainer() {
        server.threads().start(server.config().name() + "-out-" + id, this::drainOutbound);
    }

    /**
     * The drainer's body: writes queued messages, coalescing small ones into one write, until the
     * queue is empty. The coalescing buffer lives only as long as this thread.
     */
    private void drainOutbound() {
        byte[][] batch = new byte[1][];
        int[] batched = new int[1];
        try {
            outbound.drain((message, last) -> {
                int length = message.length;
                if (batched[0] + length > COALESCE_BYTES) {
                    writeBatch(batch[0], batched);
                }
                if (length >= COALESCE_BYTES) {
                    write(message, 0, length);
                } else {
                    if (batch[0] == null) {
                        batch[0] = new byte[COALESCE_BYTES];
                    }
                    System.arraycopy(message, 0, batch[0], batched[0], length);
                    batched[0] += length;
                }
                if (last) {
                    writeBatch(batch[0], batched);
                }
            });
        } catch (IOException e) {
            log.debug("{} queued write failed: {}", this, e.toString());
            close();
        }
    }

    private void writeBatch(byte[] batch, int[] batched) throws IOException {
        if (batched[0] > 0) {
            int length = batched[0];
            batched[0] = 0;
            write(batch, 0, length);
        }
    }

    // ---- lifecycle ----

    /**
     * Called on the connection's thread when its handler has returned normally: waits, at most
     * the write timeout, until the messages still queued for this client are written, so that a
     * last answer ("bye") is not lost to the close that follows.
     */
    void finishWrites() {
        OutboundQueue q = outbound;
        if (closed || q == null) {
            return;
        }
        try {
            q.awaitDrained(System.nanoTime() + server.writeTimeoutNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean idle(boolean idle) {
        if (!idle) {
            return ACTIVITY.compareAndSet(this, IDLE, BUSY) || activity == BUSY;
        }
        TlsTransport layer = tls;
        if (layer != null) {
            layer.releaseBuffers(); // an idle TLS connection keeps only its session state
        }
        activity = IDLE;
        if (server.stopping()) {
            closeIfIdle();
            return false;
        }
        return true;
    }

    /**
     * Called by a stopping server: closes the connection if the handler marked it idle, atomically
     * with respect to the handler marking it busy again.
     *
     * @return whether it was idle and is now closed
     */
    public boolean closeIfIdle() {
        if (ACTIVITY.compareAndSet(this, IDLE, STOPPED_WHILE_IDLE)) {
            close();
            return true;
        }
        return false;
    }

    @Override
    public boolean stopRequested() {
        return server.stopping();
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    /** Whether this process closed the connection (as opposed to the peer going away). */
    boolean closedHere() {
        return closed;
    }

    @Override
    public void close() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return;
        }
        OutboundQueue q = outbound;
        if (q != null) {
            q.close();
        }
        try {
            transport.close();
        } catch (IOException e) {
            log.debug("{} close failed: {}", this, e.toString());
        }
    }

    @Override
    public String toString() {
        return server.config().name() + "-conn-" + id + "[" + remoteAddress + "]";
    }
}
