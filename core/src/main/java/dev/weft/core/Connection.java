package dev.weft.core;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.time.Duration;

/**
 * One accepted TCP connection, as seen by its {@link ConnectionHandler}.
 *
 * <p><b>Reads</b> are buffered and blocking, and belong to the connection's own thread. Each
 * read that has to wait for the network waits at most {@link #readTimeout()} (the server's idle
 * timeout unless changed); then the connection is closed and the read throws
 * {@link SocketTimeoutException}. Timeouts are enforced by one watchdog per server rather than a
 * timer per read, which makes a timed read as cheap as an untimed one.
 *
 * <p><b>Writes</b> are buffered until {@link #flush()} (or until the buffer fills) and are
 * always written fully, whatever the kernel accepts per call. They may come from any thread and
 * are serialised by a lock, so messages queued through {@link Client#send(byte[])} never
 * interleave with the handler's own writes inside a message. A write the peer does not drain
 * within the server's write timeout closes the connection, so a peer that stops reading cannot
 * hold a thread forever.
 *
 * <p>{@link #close()} is idempotent and may be called from any thread; a read or write blocked
 * in another thread then fails with an {@link IOException}.
 */
public interface Connection extends AutoCloseable {

    /** The id of this connection, unique among all clients of the {@link ClientRegistry}. */
    long id();

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** The local address the peer connected to. */
    InetSocketAddress localAddress();

    /** The registry entry of this connection, through which other threads can reach it. */
    Client client();

    /**
     * The buffered input. Reading from it is the same as calling this connection's read
     * methods; it is not safe for use by several threads.
     */
    InputStream input();

    /** The buffered output: a view whose writes go through {@link #write(byte[], int, int)}. */
    OutputStream output();

    /**
     * Reads up to {@code length} bytes, blocking until at least one is available.
     *
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws SocketTimeoutException when nothing arrives within {@link #readTimeout()}
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Fills {@code buffer[offset .. offset + length)} completely, blocking as long as needed.
     *
     * @throws EOFException when the stream ends first
     */
    void readExactly(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Reads exactly {@code length} bytes into a new array.
     *
     * @throws EOFException when the stream ends first
     */
    byte[] readExactly(int length) throws IOException;

    /**
     * Blocks until at least one byte arrives, then returns the bytes available now, at most
     * {@code maxBytes}, in a new array. Unlike reading into a buffer of one's own, the caller
     * holds no buffer while it waits, which keeps idle connections cheap.
     *
     * @return the bytes read, or {@code null} at the end of the stream
     * @throws SocketTimeoutException when nothing arrives within {@link #readTimeout()}
     */
    byte[] readSome(int maxBytes) throws IOException;

    /**
     * Reads one line terminated by {@code LF} (a {@code CR} before it is dropped too) and decodes
     * it as UTF-8.
     *
     * @param maxBytes the longest line accepted, in bytes, not counting the terminator
     * @return the line without its terminator, or {@code null} when the stream ends before any
     *     byte of a new line; a last line without terminator is returned as it is
     * @throws LineTooLongException when the line is longer than {@code maxBytes}; the rest of
     *     the line has then been discarded and the connection remains usable
     */
    String readLine(int maxBytes) throws IOException;

    /** Writes all of {@code bytes}. */
    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** Writes {@code length} bytes from {@code bytes}, fully; buffered until {@link #flush()}. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Sends everything buffered so far to the peer. */
    void flush() throws IOException;

    /**
     * Flushes, then sends {@code count} bytes of {@code file} from {@code position} to the peer
     * without copying them through the Java heap ({@link FileChannel#transferTo}, which becomes
     * {@code sendfile} on Linux).
     *
     * @return the number of bytes sent, {@code count} unless the file is shorter
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /** Flushes and then half-closes: the peer reads end-of-stream, while reads here go on. */
    void shutdownOutput() throws IOException;

    /** How long a single read may wait for data before it fails. */
    Duration readTimeout();

    /**
     * Changes how long a single read may wait for data, for this connection only, from the
     * next read on. A protocol uses it to apply different limits per phase (a deadline for a
     * request's header section, another while idle between requests).
     *
     * @param timeout a positive duration
     */
    void readTimeout(Duration timeout);

    /**
     * Marks this connection as idle: it holds no work in progress (for example, it waits for
     * the next request of a keep-alive exchange). {@link TcpServer#stop(Duration)} closes idle
     * connections at once instead of granting them the grace period, and going idle releases
     * the connection's empty read and write buffers, so idle connections stay cheap. Call it
     * from the connection's own thread.
     *
     * @param idle whether the connection is idle from now on
     */
    void idle(boolean idle);

    /**
     * Whether the server is stopping. A handler should finish the work in hand, tell the peer
     * where the protocol allows (for example {@code Connection: close}) and return.
     */
    boolean stopRequested();

    /** Whether the connection is still open. */
    boolean isOpen();

    /** Closes the connection; idempotent, callable from any thread. */
    @Override
    void close();
}
