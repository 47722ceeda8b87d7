package dev.weft.core;

import dev.weft.core.tls.TlsInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.Optional;

/**
 * One accepted TCP connection, as its {@link ConnectionHandler} sees it: raw bytes in and out,
 * with deadlines, and nothing buffered in between.
 *
 * <p><b>Reads</b> belong to the connection's own thread. {@link #read} goes straight from the
 * socket into the caller's array and waits at most {@link #readTimeout()}; then the connection
 * is closed and the read throws {@link SocketTimeoutException}. A protocol that wants buffered
 * reads — lines, exact lengths — wraps the connection in a {@link BufferedInput}; one that
 * parses its own buffer (HTTP does) reads into it directly, so there is exactly one buffer
 * between the socket and the parser.
 *
 * <p><b>Writes</b> are written fully before {@link #write} returns; a peer that does not drain a
 * write within the server's write timeout gets its connection closed, so a peer that stops
 * reading cannot hold a thread forever. Two threads may write to a connection: its own, and the
 * one that drains its {@link Client#send queued messages} once the connection is a {@link
 * #client() registry client}; each {@code write} call is atomic with respect to the other. A
 * protocol that wants buffered writes uses a {@link BufferedOutput}.
 *
 * <p><b>Timeouts</b> are absolute deadlines per operation, enforced by one watchdog per server
 * that sleeps until the earliest one: changing this connection's read timeout never changes
 * anything for another connection.
 *
 * <p><b>TLS</b>, when the server speaks it, is invisible here: the handshake has finished before
 * the handler runs, reads return decrypted bytes and writes are encrypted, with the same
 * deadlines. {@link #tls()} tells what the handshake agreed.
 *
 * <p>{@link #close()} is idempotent and may be called from any thread; a read or write blocked
 * in another thread then fails with an {@link IOException}.
 */
public interface Connection extends AutoCloseable {

    /** {@return the id of this connection, unique within the application's {@link ClientRegistry}} */
    long id();

    /** {@return the peer's address} */
    InetSocketAddress remoteAddress();

    /** {@return the local address the peer connected to} */
    InetSocketAddress localAddress();

    /**
     * What the TLS handshake agreed — protocol version, cipher suite, ALPN protocol, SNI host name
     * and the client's certificate chain (mutual TLS) — or empty on a plaintext connection. The
     * handshake has always finished before the handler runs, so this never changes during it.
     *
     * @return the TLS session's details, or empty on a plaintext connection
     */
    Optional<TlsInfo> tls();

    /**
     * Makes this connection a client of the application's {@link ClientRegistry} — a target of
     * broadcasts and of {@link Client#send} from any thread — and returns it. The first call
     * registers; later calls return the same client. The engine removes the client from the
     * registry when the handler ends, however it ends.
     *
     * <p>A connection that never calls this is not in the registry: a protocol whose peer cannot
     * take unsolicited messages (an HTTP exchange) must not call it. Call it from the
     * connection's own thread.
     *
     * @return this connection as a registry client
     */
    Client client();

    /**
     * Reads up to {@code length} bytes straight from the peer into {@code buffer}, blocking until
     * at least one arrives.
     *
     * @param buffer where the bytes are stored
     * @param offset the index in {@code buffer} of the first byte stored
     * @param length the most bytes to read; {@code offset + length} must not exceed the buffer's length
     * @return the number of bytes read (at least 1), or -1 at the end of the stream
     * @throws SocketTimeoutException when nothing arrives within {@link #readTimeout()}; the
     *     connection is closed then
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Blocks until a {@link #read} may find data (or the end of the stream) without reading, so
     * that a protocol waiting for its next message need not hold a read buffer meanwhile. Where
     * the engine cannot tell (the JDK's sockets, TLS) it returns at once and the read that
     * follows blocks instead; this default does that.
     *
     * @throws SocketTimeoutException when nothing arrives within {@link #readTimeout()}; the
     *     connection is closed then
     * @throws IOException when the socket fails otherwise
     */
    default void awaitReadable() throws IOException {
    }

    /**
     * Writes all of {@code bytes} to the peer, fully, before returning.
     *
     * @param bytes the bytes to write
     * @throws IOException as {@link #write(byte[], int, int)}
     */
    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /**
     * Writes {@code length} bytes from {@code bytes} to the peer, fully, before returning.
     *
     * @param bytes  the bytes to write from
     * @param offset the index in {@code bytes} of the first byte written
     * @param length how many bytes to write
     * @throws IOException when the connection fails or the peer does not drain the write within
     *     the server's write timeout (the connection is closed then)
     */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} to the peer. On a plain
     * socket the bytes do not pass through the Java heap ({@link FileChannel#transferTo}, which
     * becomes {@code sendfile} on Linux); each chunk the kernel takes must leave within the write
     * timeout, so a slow download that keeps moving is never cut off while a stalled one is.
     * Under TLS it falls back to a buffered copy: the file is read into the heap and encrypted
     * one 16 KiB record at a time, under the same write timeout per chunk — zero-copy is
     * impossible when the bytes must pass through the cipher.
     *
     * @param file     the open file to read from
     * @param position the offset in the file, in bytes, of the first byte sent
     * @param count    the most bytes to send
     * @return the number of bytes sent: {@code count}, unless the file is shorter
     * @throws IOException when reading the file or writing to the peer fails, or a chunk does not
     *     leave within the write timeout (the connection is closed then)
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /**
     * Starts a helper thread for this connection — the second direction of a proxy, say — that
     * belongs to the server like the connection's own: of the server's thread mode, counted in
     * {@link ServerMetrics#threads()}, and closed and awaited by {@link TcpServer#stop(Duration)}.
     * The thread is named after the connection, with {@code suffix} appended.
     *
     * @param suffix appended to the connection's thread name to name the new thread
     * @param task   what the thread runs
     * @return the started thread
     */
    Thread startThread(String suffix, Runnable task);

    /**
     * Half-closes: the peer reads end-of-stream, while reads here go on. Under TLS a
     * close_notify alert goes first, so the peer can tell a complete stream from a cut one (the
     * engine sends it anyway when the handler returns normally).
     *
     * @throws IOException when the socket or the close_notify write fails
     */
    void shutdownOutput() throws IOException;

    /** {@return how long a single read may wait for data before the connection is closed} */
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
     * Marks this connection as idle — it holds no work in progress (for example, it waits for
     * the next request of a keep-alive exchange) — or busy again. {@link TcpServer#stop(Duration)}
     * closes idle connections at once instead of granting them the grace period; marking a
     * connection idle while the server is stopping closes it at once. Call it from the
     * connection's own thread.
     *
     * <p>Going busy races with a stopping server closing the connection because it was idle; the
     * result says who won, atomically, so that a protocol never starts work the stop has already
     * cut off: read the next request while idle, then mark the connection busy, and serve the
     * request only if that returns {@code true}.
     *
     * @param idle whether the connection is idle from now on
     * @return {@code false} when the server closed the connection because it was idle (start no
     *     new work: the connection is closed); {@code true} otherwise
     */
    boolean idle(boolean idle);

    /**
     * Whether the server is stopping. A handler should finish the work in hand, tell the peer
     * where the protocol allows (for example {@code Connection: close}) and return.
     *
     * @return true once the server has been asked to stop
     */
    boolean stopRequested();

    /** {@return whether the connection is still open} */
    boolean isOpen();

    /** Closes the connection; idempotent, callable from any thread. */
    @Override
    void close();
}
