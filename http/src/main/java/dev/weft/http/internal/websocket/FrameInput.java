package dev.weft.http.internal.websocket;

import java.io.EOFException;
import java.io.IOException;

/**
 * The buffered input of one session, starting with the bytes the HTTP layer had already read
 * past the handshake, then its {@link ByteSource}.
 *
 * <p>Buffer policy, so idle sessions stay cheap: a read likely to wait — the first one, or one
 * after a read that did not fill the buffer — uses a small buffer of {@value #SMALL_BUFFER_BYTES}
 * bytes; a read that fills it means data is streaming, and the next one uses
 * {@value #FULL_BUFFER_BYTES} bytes. Reads at least that large go straight into the caller's
 * array. {@link #release()} drops an empty buffer while the session waits.
 *
 * <p>It publishes when the current read started waiting and when bytes last arrived, which the
 * session's timer reads from its own thread to tell a silent peer (a read waiting long) from a
 * busy endpoint (no read in progress). Reading is not thread-safe.
 */
final class FrameInput {

    static final int SMALL_BUFFER_BYTES = 512;
    static final int FULL_BUFFER_BYTES = 16 * 1024;

    private final ByteSource source;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean streaming;
    private volatile long waitingSinceNanos;
    private volatile long lastReceivedNanos;

    /**
     * @param source      the connection
     * @param alreadyRead bytes already read from it, served first; not copied
     */
    FrameInput(ByteSource source, byte[] alreadyRead) {
        this.source = source;
        this.buffer = alreadyRead.length == 0 ? null : alreadyRead;
        this.limit = alreadyRead.length;
        this.lastReceivedNanos = System.nanoTime();
    }

    /** Reads up to {@code len} bytes, at least one; -1 at the end of the stream. */
    int read(byte[] b, int off, int len) throws IOException {
        int buffered = limit - position;
        if (buffered == 0) {
            if (len >= FULL_BUFFER_BYTES) {
                return readSource(b, off, len);
            }
            if (fill() < 0) {
                return -1;
            }
            buffered = limit - position;
        }
        int n = Math.min(buffered, len);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Reads exactly {@code len} bytes; {@link EOFException} when the stream ends first. */
    void readFully(byte[] b, int off, int len, String what) throws IOException {
        while (len > 0) {
            int n = read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed in the middle of " + what);
            }
            off += n;
            len -= n;
        }
    }

    /** Reads and drops up to {@code len} bytes, at least one; -1 at the end of the stream. */
    long skip(long len) throws IOException {
        if (limit == position && fill() < 0) {
            return -1;
        }
        int n = (int) Math.min(len, limit - position);
        position += n;
        return n;
    }

    private int fill() throws IOException {
        int size = streaming ? FULL_BUFFER_BYTES : SMALL_BUFFER_BYTES;
        if (buffer == null || buffer.length != size) {
            buffer = new byte[size];
        }
        position = 0;
        limit = 0;
        int n = readSource(buffer, 0, size);
        if (n < 0) {
            return -1;
        }
        limit = n;
        streaming = n == size;
        return n;
    }

    private int readSource(byte[] b, int off, int len) throws IOException {
        waitingSinceNanos = System.nanoTime();
        int n;
        try {
            n = source.read(b, off, len);
        } finally {
            waitingSinceNanos = 0;
        }
        if (n > 0) {
            lastReceivedNanos = System.nanoTime();
        }
        return n;
    }

    /** Drops the buffer if it holds nothing unread, so a waiting session holds none. */
    void release() {
        if (position == limit) {
            buffer = null;
            position = 0;
            limit = 0;
            streaming = false;
        }
    }

    /** Whether bytes are buffered, unread. */
    boolean hasBuffered() {
        return position < limit;
    }

    /** When the read in progress started waiting ({@link System#nanoTime()}), or 0 when none is. */
    long waitingSinceNanos() {
        return waitingSinceNanos;
    }

    /** When bytes last arrived ({@link System#nanoTime()}); the session's start before any did. */
    long lastReceivedNanos() {
        return lastReceivedNanos;
    }
}
