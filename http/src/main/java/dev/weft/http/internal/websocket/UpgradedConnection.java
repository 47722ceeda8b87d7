package dev.weft.http.internal.websocket;

import java.io.IOException;

/**
 * The raw byte stream a session runs on once the HTTP connection has switched protocols: in
 * production an adapter over core's {@code Connection} (which enforces the server's read and
 * write timeouts), in tests one over a plain {@code Socket}.
 *
 * <p>One thread reads at a time, one thread writes at a time (the session's writer); any
 * thread may close.
 */
public interface UpgradedConnection {

    /**
     * Reads at least one byte into {@code b[off .. off + len)}, blocking until one arrives.
     *
     * @param b   the destination
     * @param off where to start in it
     * @param len the most bytes to read
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws IOException when the connection fails or was closed
     */
    int read(byte[] b, int off, int len) throws IOException;

    /**
     * Writes all of {@code b[off .. off + len)}, blocking as long as needed.
     *
     * @param b   the source
     * @param off where to start in it
     * @param len how many bytes to write
     * @throws IOException when the connection fails or was closed
     */
    void write(byte[] b, int off, int len) throws IOException;

    /**
     * Half-closes: the peer reads end-of-stream, while reads here go on.
     *
     * @throws IOException when the connection fails or was closed
     */
    void shutdownOutput() throws IOException;

    /** Closes the connection; idempotent, any thread; blocked reads and writes then fail. */
    void close();
}
