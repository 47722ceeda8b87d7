package dev.weft.http.internal;

import dev.weft.core.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The bytes read from one connection and not yet consumed, in a buffer this class owns: reads go
 * from the socket straight into it (the server configures the core connection without a read
 * buffer of its own), and the parser works on it in place.
 *
 * <p>It starts small and grows on demand up to a maximum, then {@link #shrink() shrinks} back
 * between requests, so an idle keep-alive connection holds only {@link #INITIAL_BYTES} — or
 * nothing, while it waits in {@link #awaitReadable} on an engine that can wait without a
 * buffer (Weft's epoll engine). Before
 * every read that may block, pending response bytes are flushed, so a pipelining client always
 * gets the responses to the requests it has sent before the server waits for more.
 */
public final class InboundBuffer {

    /** The size of the buffer while no large request is in progress. */
    public static final int INITIAL_BYTES = 512;

    private final Connection connection;
    private final OutboundBuffer output;
    private final int maxBytes;
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int position;
    private int limit;
    private Duration timeout;

    /**
     * @param connection the connection to read from
     * @param output     the connection's pending output, flushed before blocking
     * @param maxBytes   the largest the buffer may grow
     */
    public InboundBuffer(Connection connection, OutboundBuffer output, int maxBytes) {
        this.connection = connection;
        this.output = output;
        this.maxBytes = Math.max(INITIAL_BYTES, maxBytes);
    }

    /** The buffer; valid bytes are {@code [position(), limit())}. */
    public byte[] bytes() {
        return bytes;
    }

    /** The first unconsumed byte. */
    public int position() {
        return position;
    }

    /** One past the last valid byte. */
    public int limit() {
        return limit;
    }

    /** The number of unconsumed bytes. */
    public int buffered() {
        return limit - position;
    }

    /** Marks {@code count} bytes as consumed. */
    public void consume(int count) {
        position += count;
    }

    /**
     * Reads more bytes, waiting at most {@code readTimeout}: flushes pending output, then makes
     * room (compacting, or growing up to the maximum) and reads once.
     *
     * @return the number of bytes added, or -1 at the end of the stream
     * @throws java.net.SocketTimeoutException when nothing arrives in time (the core engine has
     *     closed the connection then)
     * @throws IllegalStateException when the buffer is full at its maximum size
     */
    public int fill(Duration readTimeout) throws IOException {
        output.flush();
        makeRoom();
        applyTimeout(readTimeout);
        int n = connection.read(bytes, limit, bytes.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    /**
     * Waits, at most {@code readTimeout}, until a read may find data, after flushing pending
     * output; while nothing is buffered the buffer is dropped for the wait and a fresh one of
     * {@link #INITIAL_BYTES} taken after it, so an idle connection holds none.
     *
     * @throws java.net.SocketTimeoutException when nothing arrives in time
     */
    public void awaitReadable(Duration readTimeout) throws IOException {
        output.flush();
        applyTimeout(readTimeout);
        if (limit > position) {
            return;
        }
        bytes = null;
        position = 0;
        limit = 0;
        try {
            connection.awaitReadable();
        } finally {
            bytes = new byte[INITIAL_BYTES];
        }
    }

    /**
     * Reads up to {@code length} bytes straight into {@code destination}, bypassing the buffer,
     * which must be empty.
     */
    public int readDirect(byte[] destination, int offset, int length, Duration readTimeout) throws IOException {
        output.flush();
        applyTimeout(readTimeout);
        return connection.read(destination, offset, length);
    }

    /** Sets the connection's read timeout when it differs from the one in force. */
    private void applyTimeout(Duration readTimeout) {
        if (!readTimeout.equals(timeout)) {
            connection.readTimeout(readTimeout);
            timeout = readTimeout;
        }
    }

    private void makeRoom() {
        if (limit < bytes.length) {
            return;
        }
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            limit -= position;
            position = 0;
            return;
        }
        if (bytes.length >= maxBytes) {
            throw new IllegalStateException("buffer full at " + maxBytes + " bytes");
        }
        bytes = Arrays.copyOf(bytes, Math.min(maxBytes, bytes.length * 2));
    }

    /**
     * Moves the unconsumed bytes to the front, and returns to the initial size when they fit,
     * so an idle connection holds little memory. Called between requests.
     */
    public void shrink() {
        int remaining = limit - position;
        if (bytes.length > INITIAL_BYTES && remaining <= INITIAL_BYTES) {
            byte[] small = new byte[INITIAL_BYTES];
            System.arraycopy(bytes, position, small, 0, remaining);
            bytes = small;
        } else if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, remaining);
        }
        position = 0;
        limit = remaining;
    }
}
