package dev.weft.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The byte stream under a {@link SocketConnection}: a plain socket ({@link PlainTransport}), or a
 * TLS record layer over one.
 *
 * <p>Blocking, for one reader thread at a time; writes are serialised by the connection's write
 * lock, which a plain transport never takes itself (the TLS layer takes it for the writes its
 * reader must make: a key update, a close_notify reply). Deadlines are published by the
 * connection around each call, so a transport does no timing of its own: when a deadline passes,
 * the watchdog closes the transport, which fails the call in progress.
 */
public interface Transport {

    /**
     * Reads up to {@code length} bytes, blocking until at least one is available.
     *
     * @return the number of bytes read (at least 1), or -1 at the end of the stream
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Blocks until a {@link #read} may find data (or the end of the stream), without reading:
     * so an idle connection can wait holding no read buffer. A transport that cannot tell
     * returns at once, and the read that follows blocks instead; that is the default.
     */
    default void awaitReadable() throws IOException {
    }

    /** Writes {@code length} bytes fully. */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}, blocking until some
     * are sent; the caller loops (and refreshes its deadline) until all are.
     *
     * @return the number of bytes sent; 0 only when {@code position} is at or past the end of
     *     the file
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /** Ends the output: the peer reads end-of-stream. */
    void shutdownOutput() throws IOException;

    /** Closes the transport and the socket under it; idempotent, callable from any thread. */
    void close() throws IOException;
}
