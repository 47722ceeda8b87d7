package dev.weft.core.pool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import dev.weft.core.internal.ClientChannel;
import dev.weft.core.tls.TlsInfo;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection leased from a {@link ConnectionPool}, with buffered blocking streams.
 *
 * <p><b>Who releases.</b> The caller that acquired it must {@link #close()} it exactly once
 * (try-with-resources): that flushes the output and gives the connection back to the pool, or
 * closes it when it cannot be reused. It cannot be reused when an {@link IOException} came
 * through one of its streams, when its input reached end-of-stream, when bytes the caller did
 * not read are still waiting (the protocol lost its framing), or when the caller called
 * {@link #retire()} (for example on an HTTP response with {@code Connection: close}).
 *
 * <p>It belongs to one thread at a time, between {@link ConnectionPool#acquire()} and
 * {@link #close()}; it must not be used after {@code close()}.
 */
public final class PooledConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PooledConnection.class);
    private static final int BUFFER_BYTES = 8_192;

    private final ConnectionPool pool;
    private final long id;
    private final ClientChannel link;
    private final SocketChannel channel;
    private final InputStream input;
    private final OutputStream output;
    private final AtomicBoolean leased = new AtomicBoolean();
    private volatile boolean broken;
    private volatile boolean retired;
    private int leases;
    private long idleSinceNanos;

    PooledConnection(ConnectionPool pool, long id, ClientChannel link) {
        this.pool = pool;
        this.id = id;
        this.link = link;
        this.channel = link.channel();
        this.input = new TrackedInput(new BufferedInputStream(link.input(), BUFFER_BYTES));
        this.output = new TrackedOutput(new BufferedOutputStream(link.output(), BUFFER_BYTES));
    }

    /** {@return the buffered input from the upstream} */
    public InputStream input() {
        return input;
    }

    /** {@return the buffered output to the upstream; flushed on {@link #close()} if not before} */
    public OutputStream output() {
        return output;
    }

    /** {@return what the TLS handshake agreed (the server's certificate chain among it); empty for a plain pool} */
    public Optional<TlsInfo> tls() {
        return link.tls();
    }

    /** {@return the upstream's address} */
    public InetSocketAddress remoteAddress() {
        return pool.config().address();
    }

    /**
     * How many times this connection has been leased, this lease included: 1 for a fresh
     * connection. A caller may retry an idempotent exchange on a fresh connection when one that
     * was reused fails before any response byte arrived (the upstream closed it meanwhile).
     *
     * @return the number of leases, at least 1
     */
    public int leases() {
        return leases;
    }

    /** Marks this connection so that {@link #close()} closes it instead of pooling it. */
    public void retire() {
        retired = true;
    }

    /** Gives the connection back to the pool, or closes it if it cannot be reused; idempotent. */
    @Override
    public void close() {
        if (!leased.compareAndSet(true, false)) {
            return;
        }
        pool.release(this, reusable());
    }

    void lease() {
        leased.set(true);
        leases++;
    }

    void idleSince(long nanos) {
        idleSinceNanos = nanos;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    /** Whether, as it comes back from a caller, this connection may serve another one. */
    private boolean reusable() {
        if (broken || retired || !channel.isOpen()) {
            return false;
        }
        try {
            output.flush();
            return input.available() == 0;
        } catch (IOException e) {
            log.debug("pool-conn-{} not reusable: {}", id, e.toString());
            return false;
        }
    }

    /**
     * Whether the idle connection is still usable: open, and the peer has neither closed it nor
     * sent bytes nobody asked for. Peeks with one non-blocking read, which never consumes
     * anything a healthy connection would need. Under TLS the read sees records: a byte there
     * means an alert (close_notify) or an unsolicited message, and the connection is discarded —
     * the session ticket a TLS 1.3 server sends after the handshake has been read with the first
     * response.
     */
    boolean stillQuiet() {
        if (!channel.isOpen()) {
            return false;
        }
        try {
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException e) {
            log.debug("pool-conn-{} failed validation: {}", id, e.toString());
            return false;
        }
    }

    void closeChannel() {
        try {
            link.close();
        } catch (IOException e) {
            log.debug("pool-conn-{} close failed: {}", id, e.toString());
        }
    }

    @Override
    public String toString() {
        return "pool-conn-" + id + "[" + pool.config().address() + "]";
    }

    /** Marks the connection broken when an I/O error or the end of the stream comes through. */
    private final class TrackedInput extends InputStream {
        private final InputStream in;

        TrackedInput(InputStream in) {
            this.in = in;
        }

        /** Byte by byte is how response heads get parsed: no array per byte here. */
        @Override
        public int read() throws IOException {
            try {
                int b = in.read();
                broken |= b < 0;
                return b;
            } catch (IOException e) {
                broken = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                broken |= n < 0;
                return n;
            } catch (IOException e) {
                broken = true;
                throw e;
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        /** Retires the connection: a caller that closes the stream is done with it. */
        @Override
        public void close() {
            retired = true;
        }
    }

    /** Marks the connection broken when an I/O error comes through. */
    private final class TrackedOutput extends OutputStream {
        private final OutputStream out;

        TrackedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                broken = true;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                broken = true;
                throw e;
            }
        }

        /** Flushes only: the pool, not the caller, decides when the socket closes. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
