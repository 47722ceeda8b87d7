package dev.weft.core.internal;

import dev.weft.core.internal.tls.ClientTlsContext;
import dev.weft.core.internal.tls.TlsTransport;
import dev.weft.core.tls.TlsInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One outgoing connection of Weft's clients (a connection pool's, a TCP proxy's backend
 * connection) as blocking streams: straight over the socket, or through a TLS layer whose
 * handshake ran when it was opened. Reads wait at most the socket's {@code SO_TIMEOUT}, as set by
 * the owner, and then fail with a {@link SocketTimeoutException} that leaves the connection
 * usable (nothing was consumed), so an owner may use the timeout as a wake-up.
 *
 * <p>One thread reads and one writes at a time (a proxy reads on one thread and writes on another).
 * Under TLS the writes and the reader's own TLS writes (a KeyUpdate reply) are serialised by one
 * lock held for each write only.
 */
public final class ClientChannel implements AutoCloseable {

    private final SocketChannel channel;
    private final Transport transport;
    private final ReentrantLock writeLock;
    private final Optional<TlsInfo> tls;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    private ClientChannel(SocketChannel channel, Transport transport, ReentrantLock writeLock, Optional<TlsInfo> tls) {
        this.channel = channel;
        this.transport = transport;
        this.writeLock = writeLock;
        this.tls = tls;
    }

    /**
     * The streams of a connected, blocking {@code channel}, with nothing in between.
     *
     * @param channel a connected, blocking socket channel
     * @return the channel's plain streams
     * @throws IOException when the channel's streams cannot be opened
     */
    public static ClientChannel plain(SocketChannel channel) throws IOException {
        return new ClientChannel(channel, new PlainTransport(channel), new ReentrantLock(), Optional.empty());
    }

    /**
     * Runs a client TLS handshake over the connected, blocking {@code channel} to {@code server}
     * — SNI and, unless turned off, host-name verification use {@code server}'s host string —
     * within the context's handshake timeout, counted in the context's counters.
     *
     * @param channel a connected, blocking socket channel
     * @param context the client TLS context: trust, client certificate, timeout and counters
     * @param server  the address connected to; its host string is sent by SNI and verified
     * @param name    names the connection in log lines
     * @return the channel's streams, encrypted, after a finished handshake
     * @throws dev.weft.core.internal.tls.TlsHandshakeException when the handshake fails or times
     *     out (counted, logged at DEBUG, the channel closed)
     */
    public static ClientChannel tls(SocketChannel channel, ClientTlsContext context, InetSocketAddress server,
                                    String name) throws IOException {
        Objects.requireNonNull(context, "context");
        Socket socket = channel.socket();
        int readTimeoutMillis = socket.getSoTimeout();
        long deadline = System.nanoTime() + context.config().handshakeTimeout().toNanos();
        HandshakeDeadline network = new HandshakeDeadline(new PlainTransport(channel), socket, deadline);
        ReentrantLock writeLock = new ReentrantLock();
        TlsTransport layer = new TlsTransport(network, context.newEngine(server.getHostString(), server.getPort()),
                writeLock, context.counters(), name);
        TlsInfo info = layer.handshake(deadline);
        network.over();
        socket.setSoTimeout(readTimeoutMillis);
        return new ClientChannel(channel, layer, writeLock, Optional.of(info));
    }

    /** {@return the socket channel beneath} */
    public SocketChannel channel() {
        return channel;
    }

    /** {@return what the TLS handshake agreed; empty for a plain connection} */
    public Optional<TlsInfo> tls() {
        return tls;
    }

    /** {@return the bytes from the server, unbuffered; {@code available()} counts decrypted bytes held by TLS} */
    public InputStream input() {
        return input;
    }

    /** {@return the bytes to the server, unbuffered: each write is written fully (encrypted under TLS)} */
    public OutputStream output() {
        return output;
    }

    /**
     * Ends the output (after a close_notify under TLS); the server reads end-of-stream.
     *
     * @throws IOException when the socket or the close_notify write fails
     */
    public void shutdownOutput() throws IOException {
        writeLock.lock();
        try {
            transport.shutdownOutput();
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes the connection at once, from any thread; blocked reads and writes fail. */
    @Override
    public void close() throws IOException {
        transport.close();
    }

    /** Reads from the transport. */
    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return len == 0 ? 0 : transport.read(b, off, len);
        }

        @Override
        public int available() {
            return transport instanceof TlsTransport layer ? layer.available() : 0;
        }
    }

    /** Writes to the transport under the write lock. */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            writeLock.lock();
            try {
                transport.write(b, off, len);
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * The plain transport beneath a client handshake: each read waits only for what is left of the
     * handshake's time (through the socket's {@code SO_TIMEOUT}), so the handshake as a whole ends
     * at its deadline without a timer thread.
     */
    private static final class HandshakeDeadline implements Transport {
        private final Transport network;
        private final Socket socket;
        private long deadlineNanos;

        HandshakeDeadline(Transport network, Socket socket, long deadlineNanos) {
            this.network = network;
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        /** The handshake is over: reads wait as the owner's {@code SO_TIMEOUT} says. */
        void over() {
            deadlineNanos = 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (deadlineNanos != 0) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    throw new SocketTimeoutException("TLS handshake not finished in time");
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                        TimeUnit.NANOSECONDS.toMillis(remaining) + 1)));
            }
            return network.read(buffer, offset, length);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            network.write(buffer, offset, length);
        }

        @Override
        public long transferFrom(FileChannel file, long position, long count) throws IOException {
            return network.transferFrom(file, position, count);
        }

        @Override
        public void shutdownOutput() throws IOException {
            network.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            network.close();
        }
    }
}
