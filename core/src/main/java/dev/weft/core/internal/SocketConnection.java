package dev.weft.core.internal;

import dev.weft.core.Client;
import dev.weft.core.ClientAttributes;
import dev.weft.core.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blocking-mode {@link SocketChannel} presented as a {@link Connection} (to its handler) and
 * as a {@link Client} (to the registry and to other threads): one object per connection, so an
 * idle connection costs as little heap as possible.
 *
 * <p>Reads go through the socket's stream, which parks a virtual thread instead of blocking its
 * carrier. Writes are serialised by a {@link ReentrantLock}. While a read or a write is in
 * progress its start time is published for the {@link DeadlineWatchdog}, which closes the
 * connection when it waits longer than its timeout; no timer is armed per operation.
 */
public final class SocketConnection implements Connection, Client {

    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);
    /** The size of a newly allocated write buffer, unless the configured size is smaller. */
    private static final int INITIAL_WRITE_BUFFER_BYTES = 512;

    private final long id;
    private final SocketChannel channel;
    private final Socket socket;
    private final ServerContext server;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final ConnectionInput input;
    private final OutputStream socketOutput;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OutputStream outputView = new OutputView();

    private byte[] writeBuffer;
    private int writePosition;
    private volatile Duration readTimeout;
    private volatile long readTimeoutNanos;
    private volatile long readStartedNanos;
    private volatile boolean readExpired;
    private volatile long writeStartedNanos;
    private volatile boolean idle;
    private volatile ClientAttributes attributes;
    private volatile OutboundQueue outbound;

    /**
     * Wraps an accepted channel; socket options and the read timeout must already be applied.
     */
    public SocketConnection(long id, SocketChannel channel, ServerContext server) throws IOException {
        this.id = id;
        this.channel = channel;
        this.socket = channel.socket();
        this.server = server;
        this.remoteAddress = (InetSocketAddress) channel.getRemoteAddress();
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.readTimeout = server.config().idleTimeout();
        this.readTimeoutNanos = readTimeout.toNanos();
        this.input = new ConnectionInput(new DeadlineInput(socket.getInputStream()),
                server.config().readBufferBytes(), server.counters().bytesRead);
        this.socketOutput = socket.getOutputStream();
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
    public Client client() {
        return this;
    }

    @Override
    public ClientAttributes attributes() {
        ClientAttributes a = attributes;
        if (a == null) {
            writeLock.lock();
            try {
                a = attributes;
                if (a == null) {
                    a = new ClientAttributes();
                    attributes = a;
                }
            } finally {
                writeLock.unlock();
            }
        }
        return a;
    }

    // ---- reads (connection thread only) ----

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return input.read(buffer, offset, length);
    }

    @Override
    public void readExactly(byte[] buffer, int offset, int length) throws IOException {
        input.readExactly(buffer, offset, length);
    }

    @Override
    public byte[] readExactly(int length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
        byte[] bytes = new byte[length];
        input.readExactly(bytes, 0, length);
        return bytes;
    }

    @Override
    public byte[] readSome(int maxBytes) throws IOException {
        return input.readSome(maxBytes);
    }

    @Override
    public String readLine(int maxBytes) throws IOException {
        return input.readLine(maxBytes);
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
        server.watchdog().tighten(timeout);
    }

    /** When the read in progress started waiting, or 0 when none is. Read by the watchdog. */
    long readStartedNanos() {
        return readStartedNanos;
    }

    /** The current read timeout in nanoseconds. Read by the watchdog. */
    long readTimeoutNanos() {
        return readTimeoutNanos;
    }

    /** Called by the watchdog: the read in progress waited too long; fail it and close. */
    void expireRead() {
        log.debug("{} closed: no data for {}", this, readTimeout);
        readExpired = true;
        close();
    }

    // ---- writes (any thread, under writeLock) ----

    @Override
    public OutputStream output() {
        return outputView;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        writeLock.lock();
        try {
            writeBuffered(bytes, offset, length);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        writeLock.lock();
        try {
            flushBuffer();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        writeLock.lock();
        try {
            flushBuffer();
            long sent = 0;
            writeStartedNanos = System.nanoTime();
            try {
                while (sent < count) {
                    long n = file.transferTo(position + sent, count - sent, channel);
                    if (n <= 0) {
                        if (position + sent >= file.size()) {
                            break;
                        }
                        continue;
                    }
                    sent += n;
                    server.counters().bytesWritten.add(n);
                    writeStartedNanos = System.nanoTime();
                }
            } finally {
                writeStartedNanos = 0;
            }
            return sent;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        writeLock.lock();
        try {
            flushBuffer();
            channel.shutdownOutput();
        } finally {
            writeLock.unlock();
        }
    }

    private void writeBuffered(byte[] bytes, int offset, int length) throws IOException {
        int capacity = server.config().writeBufferBytes();
        if (writePosition + length > capacity) {
            flushBuffer();
        }
        if (length >= capacity) {
            writeToSocket(bytes, offset, length);
            return;
        }
        ensureWriteCapacity(writePosition + length, capacity);
        System.arraycopy(bytes, offset, writeBuffer, writePosition, length);
        writePosition += length;
    }

    /** Grows the write buffer, doubling from a small start, up to {@code capacity}. */
    private void ensureWriteCapacity(int needed, int capacity) {
        byte[] current = writeBuffer;
        if (current != null && current.length >= needed) {
            return;
        }
        int size = current == null ? Math.min(capacity, INITIAL_WRITE_BUFFER_BYTES) : current.length;
        while (size < needed) {
            size = Math.min(capacity, size * 2);
        }
        byte[] grown = new byte[size];
        if (current != null && writePosition > 0) {
            System.arraycopy(current, 0, grown, 0, writePosition);
        }
        writeBuffer = grown;
    }

    private void flushBuffer() throws IOException {
        if (writePosition > 0) {
            int length = writePosition;
            writePosition = 0;
            writeToSocket(writeBuffer, 0, length);
            if (writeBuffer.length > INITIAL_WRITE_BUFFER_BYTES) {
                writeBuffer = null; // a grown buffer is not kept between bursts
            }
        }
    }

    /** Writes fully; the socket stream loops over partial writes, parking a virtual thread. */
    private void writeToSocket(byte[] bytes, int offset, int length) throws IOException {
        writeStartedNanos = System.nanoTime();
        try {
            socketOutput.write(bytes, offset, length);
        } finally {
            writeStartedNanos = 0;
        }
        server.counters().bytesWritten.add(length);
    }

    /** When the write in progress started, or 0 when none is. Read by the watchdog. */
    long writeStartedNanos() {
        return writeStartedNanos;
    }

    // ---- client side: queued sends from any thread ----

    @Override
    public boolean send(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            return false;
        }
        OutboundQueue queue = outboundQueue();
        OutboundQueue.Offer offer = queue.offer(message, () -> server.threads().start(
                server.config().name() + "-out-" + id, this::drainOutbound));
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
            writeLock.lock();
            try {
                q = outbound;
                if (q == null) {
                    q = new OutboundQueue(server.config().outboundQueueBytes());
                    outbound = q;
                }
            } finally {
                writeLock.unlock();
            }
        }
        return q;
    }

    private void drainOutbound() {
        try {
            outbound.drain((message, last) -> {
                writeLock.lock();
                try {
                    writeBuffered(message, 0, message.length);
                    if (last) {
                        flushBuffer();
                    }
                } finally {
                    writeLock.unlock();
                }
            });
        } catch (IOException e) {
            log.debug("{} queued write failed: {}", this, e.toString());
            close();
        }
    }

    // ---- lifecycle ----

    /**
     * Called on the connection's thread when its handler has returned normally: sends what the
     * handler left buffered and what is still queued for this client, waiting at most the
     * write timeout, so that a last answer ("bye") is not lost to the close that follows.
     */
    void finishWrites() {
        if (closed.get()) {
            return;
        }
        try {
            flush();
            OutboundQueue q = outbound;
            if (q != null) {
                q.awaitDrained(System.nanoTime() + server.config().writeTimeout().toNanos());
            }
        } catch (IOException e) {
            log.debug("{} final flush failed: {}", this, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Going idle also releases the read and write buffers when they hold nothing, so an idle
     * connection costs little more than its thread's stack. Must be called from the
     * connection's own thread.
     */
    @Override
    public void idle(boolean idle) {
        this.idle = idle;
        if (idle) {
            input.releaseIfDrained();
            releaseWriteBufferIfEmpty();
            if (server.stopping()) {
                close();
            }
        }
    }

    private void releaseWriteBufferIfEmpty() {
        if (writeLock.tryLock()) {
            try {
                if (writePosition == 0) {
                    writeBuffer = null;
                }
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Whether the handler marked the connection idle, so stop() may close it at once. */
    public boolean isIdleForShutdown() {
        return idle;
    }

    @Override
    public boolean stopRequested() {
        return server.stopping();
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        OutboundQueue q = outbound;
        if (q != null) {
            q.close();
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("{} close failed: {}", this, e.toString());
        }
    }

    @Override
    public String toString() {
        return server.config().name() + "-conn-" + id + "[" + remoteAddress + "]";
    }

    /**
     * The socket's input with the read deadline published for the {@link DeadlineWatchdog}
     * around each read, instead of a timer armed per read.
     */
    private final class DeadlineInput extends InputStream {
        private final InputStream socketInput;

        DeadlineInput(InputStream socketInput) {
            this.socketInput = socketInput;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readStartedNanos = System.nanoTime();
            try {
                return socketInput.read(b, off, len);
            } catch (IOException e) {
                if (readExpired) {
                    SocketTimeoutException timeout = new SocketTimeoutException("no data for " + readTimeout);
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                readStartedNanos = 0;
            }
        }

        @Override
        public int available() throws IOException {
            return socketInput.available();
        }
    }

    /** The handler's view of the buffered output; {@code close()} flushes but keeps the connection. */
    private final class OutputView extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            SocketConnection.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            SocketConnection.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            SocketConnection.this.flush();
        }

        /** Flushes only: closing a stream view must not end the connection under the handler. */
        @Override
        public void close() throws IOException {
            SocketConnection.this.flush();
        }
    }
}
