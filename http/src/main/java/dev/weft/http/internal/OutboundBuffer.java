package dev.weft.http.internal;

import dev.weft.core.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The response bytes of one connection not yet sent — the only output buffer between a response
 * and the socket. Responses are assembled here and sent with one socket write per {@link #flush()}, which the connection loop calls only before it would
 * block — so pipelined requests already buffered are answered in one write. Bodies larger than
 * the buffer bypass it. The buffer is dropped when the connection goes idle.
 */
public final class OutboundBuffer {

    private static final int INITIAL_BYTES = 512;
    private static final int MAX_BYTES = 16 * 1024;

    private final Connection connection;
    private byte[] bytes;
    private int count;

    /**
     * A buffer sending to {@code connection}.
     *
     * @param connection the connection written to
     */
    public OutboundBuffer(Connection connection) {
        this.connection = connection;
    }

    /**
     * Appends {@code length} bytes, sending directly what does not fit.
     *
     * @param source the bytes to append
     * @param offset the index in {@code source} of the first byte appended
     * @param length how many bytes to append
     * @throws IOException when a write to the connection fails
     */
    public void write(byte[] source, int offset, int length) throws IOException {
        if (!ensure(length)) {
            flush();
            if (!ensure(length)) {
                connection.write(source, offset, length);
                return;
            }
        }
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    /**
     * Appends all of {@code source}.
     *
     * @param source the bytes to append
     * @throws IOException when a write to the connection fails
     */
    public void write(byte[] source) throws IOException {
        write(source, 0, source.length);
    }

    /**
     * Appends a string of ISO-8859-1 characters (validated header text), one byte each.
     *
     * @param text the characters, each at most U+00FF
     * @throws IOException when a write to the connection fails
     */
    public void writeLatin1(String text) throws IOException {
        int length = text.length();
        if (!ensure(length)) {
            flush();
            if (!ensure(length)) {
                connection.write(text.getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            bytes[count + i] = (byte) text.charAt(i);
        }
        count += length;
    }

    /**
     * Appends a non-negative number in decimal, without allocating.
     *
     * @param value the number, &gt;= 0
     * @throws IOException when a write to the connection fails
     */
    public void writeDecimal(long value) throws IOException {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        if (!ensure(digits)) {
            flush();
            ensure(digits);
        }
        long rest = value;
        for (int i = count + digits - 1; i >= count; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        count += digits;
    }

    /**
     * Appends CR LF.
     *
     * @throws IOException when a write to the connection fails
     */
    public void writeCrlf() throws IOException {
        if (!ensure(2)) {
            flush();
            ensure(2);
        }
        bytes[count++] = '\r';
        bytes[count++] = '\n';
    }

    /** {@return whether bytes are waiting to be sent} */
    public boolean pending() {
        return count > 0;
    }

    /**
     * Sends everything buffered, in one write.
     *
     * @throws IOException when the write to the connection fails
     */
    public void flush() throws IOException {
        if (count > 0) {
            int length = count;
            count = 0;
            connection.write(bytes, 0, length);
        }
    }

    /** Drops the (empty) buffer while the connection waits for its next request. */
    public void release() {
        if (count == 0) {
            bytes = null;
        }
    }

    /** Makes room for {@code length} more bytes if the maximum allows; false when it does not. */
    private boolean ensure(int length) {
        if (bytes == null) {
            bytes = new byte[Math.max(INITIAL_BYTES, Math.min(length, MAX_BYTES))];
        }
        if (count + length <= bytes.length) {
            return true;
        }
        if (count + length > MAX_BYTES) {
            return false;
        }
        bytes = Arrays.copyOf(bytes, Math.max(count + length, Math.min(MAX_BYTES, bytes.length * 2)));
        return true;
    }
}
