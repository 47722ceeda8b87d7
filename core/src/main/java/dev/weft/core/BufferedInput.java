package dev.weft.core;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Buffered reads over a {@link Connection}, for protocols that want them: exactly N bytes, a line
 * up to a maximum length, whatever has arrived. Also an {@link InputStream} over the connection.
 *
 * <pre>{@code
 * BufferedInput in = new BufferedInput(connection);
 * for (String line; (line = in.readLine(1024)) != null; ) { ... }
 * }</pre>
 *
 * <p>Buffer policy, so that thousands of idle connections cost little: a read that is likely to
 * wait for the network — the first one, or one that follows a read that drained the socket —
 * uses a small buffer of {@value #SMALL_BUFFER_BYTES} bytes; as soon as a read fills the
 * buffer completely (data is streaming in), the next one uses the full configured size.
 * {@link #releaseIfDrained()} drops the buffer altogether while the connection is idle. Reads at
 * least as large as the configured size go straight from the socket into the caller's array,
 * so a large read pays for no second copy. Not thread-safe: reads belong to the connection's
 * thread. Every read waits at most the connection's {@linkplain Connection#readTimeout() read
 * timeout}.
 */
public final class BufferedInput extends InputStream {

    /** The buffer size when none is given: 8 KiB. */
    public static final int DEFAULT_BUFFER_BYTES = 8_192;
    /** The buffer used for reads likely to wait, unless the configured size is smaller. */
    static final int SMALL_BUFFER_BYTES = 256;
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final Connection source;
    private final int bufferSize;
    private byte[] buffer;
    private int position;
    private int limit;
    /** Whether the last read from the socket filled the buffer: more is probably waiting. */
    private boolean streaming;

    /**
     * Buffered reads from {@code connection} with a buffer of {@link #DEFAULT_BUFFER_BYTES}.
     *
     * @param connection the connection to read from
     */
    public BufferedInput(Connection connection) {
        this(connection, DEFAULT_BUFFER_BYTES);
    }

    /**
     * Buffered reads from {@code connection}.
     *
     * @param connection  the connection to read from
     * @param bufferBytes the most bytes buffered; reads at least this large bypass the buffer
     */
    public BufferedInput(Connection connection, int bufferBytes) {
        this.source = Objects.requireNonNull(connection, "connection");
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0: " + bufferBytes);
        }
        this.bufferSize = bufferBytes;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && fill() < 0) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] destination, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, destination.length);
        if (length == 0) {
            return 0;
        }
        int buffered = limit - position;
        if (buffered > 0) {
            int n = Math.min(buffered, length);
            System.arraycopy(buffer, position, destination, offset, n);
            position += n;
            return n;
        }
        if (length >= bufferSize) {
            return readFromSource(destination, offset, length);
        }
        if (fill() < 0) {
            return -1;
        }
        int n = Math.min(limit - position, length);
        System.arraycopy(buffer, position, destination, offset, n);
        position += n;
        return n;
    }

    /** The bytes buffered and not yet read; never blocks. */
    @Override
    public int available() {
        return limit - position;
    }

    /**
     * Blocks until at least one byte is available, then returns the bytes available now, at most
     * {@code maxBytes}, in a new array. Unlike reading into a buffer of one's own, the caller
     * holds no buffer while it waits, which keeps idle connections cheap.
     *
     * @param maxBytes the most bytes returned, &gt; 0
     * @return the bytes read, or {@code null} at the end of the stream
     * @throws IOException as {@link Connection#read}: the connection failed or the read timed out
     */
    public byte[] readSome(int maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0: " + maxBytes);
        }
        if (position == limit && fill() < 0) {
            return null;
        }
        int n = Math.min(limit - position, maxBytes);
        byte[] bytes = Arrays.copyOfRange(buffer, position, position + n);
        position += n;
        return bytes;
    }

    /**
     * Fills {@code destination[offset .. offset + length)} completely, blocking as long as needed.
     *
     * @param destination where the bytes are stored
     * @param offset      the index in {@code destination} of the first byte stored
     * @param length      how many bytes to read
     * @throws EOFException when the stream ends first
     */
    public void readExactly(byte[] destination, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, destination.length);
        int done = 0;
        while (done < length) {
            int n = read(destination, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("stream ended after " + done + " of " + length + " bytes");
            }
            done += n;
        }
    }

    /**
     * Reads exactly {@code length} bytes into a new array.
     *
     * @param length how many bytes to read, &gt;= 0
     * @return the bytes read
     * @throws EOFException when the stream ends first
     */
    public byte[] readExactly(int length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
        byte[] bytes = new byte[length];
        readExactly(bytes, 0, length);
        return bytes;
    }

    /**
     * Reads one line terminated by {@code LF} (a {@code CR} before it is dropped too) and decodes
     * it as UTF-8.
     *
     * @param maxBytes the longest line accepted, in bytes, not counting the terminator
     * @return the line without its terminator, or {@code null} when the stream ends before any
     *     byte of a new line; a last line without terminator is returned as it is
     * @throws LineTooLongException when the line is longer than {@code maxBytes}; the rest of
     *     the line has then been discarded and the input remains usable
     */
    public String readLine(int maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0: " + maxBytes);
        }
        byte[] partial = null;
        int partialLength = 0;
        while (true) {
            if (position == limit && fill() < 0) {
                if (partialLength == 0) {
                    return null;
                }
                return decode(partial, partialLength);
            }
            int lf = indexOf(LF, position, limit);
            int end = lf < 0 ? limit : lf;
            int chunk = end - position;
            // CR may legitimately be the last byte before LF, so allow one byte more in flight.
            if (partialLength + chunk > maxBytes + 1) {
                position = lf < 0 ? limit : lf + 1;
                if (lf < 0) {
                    discardRestOfLine();
                }
                throw new LineTooLongException(maxBytes);
            }
            if (lf >= 0 && partialLength == 0) {
                int length = stripCr(buffer, position, chunk);
                position = lf + 1;
                checkLength(length, maxBytes);
                return new String(buffer, end - chunk, length, StandardCharsets.UTF_8);
            }
            if (partial == null) {
                partial = new byte[Math.min(maxBytes + 1, Math.max(64, chunk * 2))];
            } else if (partial.length < partialLength + chunk) {
                partial = Arrays.copyOf(partial, Math.min(maxBytes + 1,
                        Math.max(partial.length * 2, partialLength + chunk)));
            }
            System.arraycopy(buffer, position, partial, partialLength, chunk);
            partialLength += chunk;
            if (lf >= 0) {
                position = lf + 1;
                int length = stripCr(partial, 0, partialLength);
                checkLength(length, maxBytes);
                return new String(partial, 0, length, StandardCharsets.UTF_8);
            }
            position = limit;
        }
    }

    private static void checkLength(int length, int maxBytes) throws LineTooLongException {
        if (length > maxBytes) {
            throw new LineTooLongException(maxBytes);
        }
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, stripCr(bytes, 0, length), StandardCharsets.UTF_8);
    }

    private static int stripCr(byte[] bytes, int offset, int length) {
        return length > 0 && bytes[offset + length - 1] == CR ? length - 1 : length;
    }

    /** Reads and drops bytes up to and including the next LF, or to end of stream. */
    private void discardRestOfLine() throws IOException {
        while (true) {
            if (position == limit && fill() < 0) {
                return;
            }
            int lf = indexOf(LF, position, limit);
            if (lf >= 0) {
                position = lf + 1;
                return;
            }
            position = limit;
        }
    }

    private int indexOf(byte b, int from, int to) {
        byte[] bytes = buffer;
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Drops the buffer if nothing is left in it; the next read allocates a small one again. Call
     * it when the connection goes idle, so that an idle connection holds no buffer.
     */
    public void releaseIfDrained() {
        if (position == limit) {
            buffer = null;
            position = 0;
            limit = 0;
        }
    }

    /** Refills the empty buffer; returns the number of bytes now buffered, or -1 at end of stream. */
    private int fill() throws IOException {
        int wanted = streaming ? bufferSize : Math.min(bufferSize, SMALL_BUFFER_BYTES);
        if (buffer == null || buffer.length != wanted) {
            buffer = new byte[wanted];
        }
        position = 0;
        limit = 0;
        int n = readFromSource(buffer, 0, buffer.length);
        if (n > 0) {
            limit = n;
        }
        streaming = n == buffer.length;
        return n;
    }

    private int readFromSource(byte[] destination, int offset, int length) throws IOException {
        return source.read(destination, offset, length);
    }
}
