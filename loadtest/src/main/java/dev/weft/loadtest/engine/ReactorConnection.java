package dev.weft.loadtest.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-blocking state machine of one reactor connection. It holds heap memory only while it
 * has unsent output (the peer reads slower than we write) or an unfinished request head;
 * otherwise it is just a channel and a few fields.
 *
 * <p>HTTP is the minimum the load test needs: requests without a body, answered in order (so
 * pipelining works), {@code GET /hello} with {@link HelloResponse#ok()} and any other request
 * head with {@link HelloResponse#notFound()}; a head over {@value #MAX_REQUEST_HEAD_BYTES} bytes
 * gets {@link HelloResponse#badRequest()} and the connection is closed.
 */
final class ReactorConnection {

    /** The protocol a connection speaks, decided by the port it came in on. */
    enum Protocol { ECHO, HTTP }

    private static final Logger log = LoggerFactory.getLogger(ReactorConnection.class);
    static final int MAX_REQUEST_HEAD_BYTES = 8_192;
    private static final byte[] HELLO_PREFIX = "GET /hello ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final Protocol protocol;
    private final AtomicInteger openConnections;
    /** Output the kernel did not take yet, ready to write; null when there is none. */
    private ByteBuffer pending;
    /** The start of a request head that has not ended yet; null when there is none. */
    private byte[] partial;
    private boolean closeWhenDrained;
    private boolean closed;

    ReactorConnection(SocketChannel channel, Protocol protocol, AtomicInteger openConnections) {
        this.channel = channel;
        this.protocol = protocol;
        this.openConnections = openConnections;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Reads what arrived and answers it, using the loop's shared buffers. */
    void onReadable(SelectionKey key, ByteBuffer in, ByteBuffer out) throws IOException {
        in.clear();
        int n = channel.read(in);
        if (n < 0) {
            close();
            return;
        }
        in.flip();
        if (protocol == Protocol.ECHO) {
            channel.write(in);
            if (in.hasRemaining()) {
                stash(in, key);
            }
        } else {
            out.clear();
            answerRequests(key, withPartial(in), out);
            flush(key, out);
        }
    }

    /** Writes what is pending; resumes reading once it is all gone. */
    void drainPending(SelectionKey key) throws IOException {
        channel.write(pending);
        if (!pending.hasRemaining()) {
            pending = null;
            if (closeWhenDrained) {
                close();
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private ByteBuffer withPartial(ByteBuffer in) {
        if (partial == null) {
            return in;
        }
        ByteBuffer joined = ByteBuffer.allocate(partial.length + in.remaining());
        joined.put(partial).put(in).flip();
        partial = null;
        return joined;
    }

    private void answerRequests(SelectionKey key, ByteBuffer data, ByteBuffer out) throws IOException {
        int start = data.position();
        int limit = data.limit();
        for (int i = start; i + 3 < limit; i++) {
            if (data.get(i) == '\r' && data.get(i + 1) == '\n' && data.get(i + 2) == '\r' && data.get(i + 3) == '\n') {
                respond(key, out, startsWithHello(data, start) ? HelloResponse.ok() : HelloResponse.notFound());
                start = i + 4;
                i = start - 1;
            }
        }
        int left = limit - start;
        if (left > MAX_REQUEST_HEAD_BYTES) {
            log.debug("{} request head over {} bytes", this, MAX_REQUEST_HEAD_BYTES);
            respond(key, out, HelloResponse.badRequest());
            closeWhenDrained = true;
        } else if (left > 0) {
            partial = new byte[left];
            data.get(start, partial);
        }
    }

    private static boolean startsWithHello(ByteBuffer data, int start) {
        if (data.limit() - start < HELLO_PREFIX.length) {
            return false;
        }
        for (int k = 0; k < HELLO_PREFIX.length; k++) {
            if (data.get(start + k) != HELLO_PREFIX[k]) {
                return false;
            }
        }
        return true;
    }

    private void respond(SelectionKey key, ByteBuffer out, byte[] response) throws IOException {
        if (pending == null && out.remaining() < response.length) {
            flush(key, out);
            out.clear();
        }
        if (pending != null) {
            stash(ByteBuffer.wrap(response), key);
        } else {
            out.put(response);
        }
    }

    private void flush(SelectionKey key, ByteBuffer out) throws IOException {
        out.flip();
        if (out.hasRemaining()) {
            channel.write(out);
        }
        if (out.hasRemaining()) {
            stash(out, key);
        } else if (closeWhenDrained && pending == null) {
            close();
        }
    }

    /** Keeps what the kernel did not take, and waits for writability instead of reading. */
    private void stash(ByteBuffer rest, SelectionKey key) {
        if (pending == null) {
            pending = ByteBuffer.allocate(rest.remaining());
        } else {
            ByteBuffer grown = ByteBuffer.allocate(pending.remaining() + rest.remaining());
            grown.put(pending);
            pending = grown;
        }
        pending.put(rest).flip();
        key.interestOps(SelectionKey.OP_WRITE);
    }

    /** Closes the channel once; counts the connection out. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        openConnections.decrementAndGet();
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("{} close failed: {}", this, e.toString());
        }
    }

    @Override
    public String toString() {
        return "reactor-" + protocol.name().toLowerCase() + "-connection";
    }
}
