package dev.weft.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Buffered writes over a {@link Connection}, for protocols that assemble a message from small
 * pieces: bytes are collected until {@link #flush()} (or until the buffer is full) and then sent
 * with one {@link Connection#write} call. Writes at least as large as the buffer go straight to
 * the connection after what is buffered.
 *
 * <p>The buffer starts small and grows on demand up to its size, and {@link #flush()} drops a
 * grown buffer, so a connection between bursts holds little memory. {@link #close()} flushes but
 * leaves the connection open: the engine closes connections. Not thread-safe: use it from one
 * thread (usually the connection's own); other threads reach the peer through
 * {@link Client#send}, whose messages never interleave with one {@code flush}.
 */
public final class BufferedOutput extends OutputStream {

    /** The buffer size when none is given: 8 KiB. */
    public static final int DEFAULT_BUFFER_BYTES = 8_192;
    /** The size of a newly allocated buffer, unless the configured size is smaller. */
    private static final int INITIAL_BYTES = 512;

    private final Connection connection;
    private final int capacity;
    private byte[] buffer;
    private int count;

    /**
     * Buffered writes to {@code connection} with a buffer of {@link #DEFAULT_BUFFER_BYTES}.
     *
     * @param connection the connection to write to
     */
    public BufferedOutput(Connection connection) {
        this(connection, DEFAULT_BUFFER_BYTES);
    }

    /**
     * Buffered writes to {@code connection}.
     *
     * @param connection  the connection to write to
     * @param bufferBytes the most bytes buffered before they are sent
     */
    public BufferedOutput(Connection connection, int bufferBytes) {
        this.connection = Objects.requireNonNull(connection, "connection");
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0: " + bufferBytes);
        }
        this.capacity = bufferBytes;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == capacity) {
            flushBuffer();
        }
        ensureCapacity(count + 1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (count + length > capacity) {
            flushBuffer();
        }
        if (length >= capacity) {
            connection.write(bytes, offset, length);
            return;
        }
        ensureCapacity(count + length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    /** Sends everything buffered, in one write, and drops a grown buffer. */
    @Override
    public void flush() throws IOException {
        flushBuffer();
        if (buffer != null && buffer.length > INITIAL_BYTES) {
            buffer = null;
        }
    }

    /** Flushes; the connection stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }

    /** {@return the number of bytes buffered and not yet sent} */
    public int buffered() {
        return count;
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            int length = count;
            count = 0;
            connection.write(buffer, 0, length);
        }
    }

    /** Grows the buffer, doubling from a small start, up to the capacity. */
    private void ensureCapacity(int needed) {
        byte[] current = buffer;
        if (current != null && current.length >= needed) {
            return;
        }
        int size = current == null ? Math.min(capacity, INITIAL_BYTES) : current.length;
        while (size < needed) {
            size = Math.min(capacity, size * 2);
        }
        byte[] grown = new byte[size];
        if (current != null && count > 0) {
            System.arraycopy(current, 0, grown, 0, count);
        }
        buffer = grown;
    }
}
