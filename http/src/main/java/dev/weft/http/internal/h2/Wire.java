package dev.weft.http.internal.h2;

import dev.weft.core.tls.TlsInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The byte stream an HTTP/2 connection runs over: the minimum the engine needs, so that it plugs
 * onto the core's raw {@code Connection} (plain or TLS) with a small adapter ({@link ConnectionWire}), and onto a
 * plain {@code Socket} in tests.
 *
 * <p>Threading: {@link #read} is called by one thread only (the connection's frame reader);
 * {@link #write} by one thread at a time (the connection's frame writer); {@link #close} from any
 * thread, at any time, and it makes a blocked {@code read} or {@code write} fail. The engine does
 * its own timing (idle, {@code SETTINGS} acknowledgement, stuck streams), so reads may block
 * indefinitely; a write should be bounded by the server's write timeout.
 */
public interface Wire {

    /**
     * Reads at least one byte, blocking until one arrives.
     *
     * @param buffer where to put the bytes
     * @param offset where in {@code buffer}
     * @param length the most bytes to read
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws IOException when the connection fails or is closed
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Writes all {@code length} bytes.
     *
     * @param buffer the bytes
     * @param offset where they start in {@code buffer}
     * @param length how many to write
     * @throws IOException when the connection fails, is closed, or the write times out
     */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** Closes the connection; idempotent. */
    void close();

    /** {@return the peer's address} */
    InetSocketAddress remoteAddress();

    /**
     * What the connection's TLS handshake agreed, for the requests it carries.
     *
     * @return the TLS details; empty on a cleartext connection (the default)
     */
    default Optional<TlsInfo> tls() {
        return Optional.empty();
    }

    /**
     * Starts a thread of this connection — its frame writer, or a stream's handler — named after
     * the connection with {@code suffix} appended. On a server the thread belongs to it like the
     * connection's own: counted, and awaited by its {@code stop}.
     *
     * @param suffix appended to the connection's name to name the thread
     * @param task   what the thread runs
     * @return the started thread
     */
    Thread startThread(String suffix, Runnable task);
}
