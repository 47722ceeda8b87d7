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
     * @param buffer where the bytes are stored
     * @param offset the index in {@code buffer} of the first byte stored
     * @param length the most bytes to read
     * @return the number of bytes read (at least 1), or -1 at the end of the stream
     * @throws IOException when the socket fails or the read timeout passes
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Blocks until a {@link #read} may find data (or the end of the stream), without reading:
     * so an idle connection can wait holding no read buffer. A transport that cannot tell
     * returns at once, and the read that follows blocks instead; that is the default.
     *
     * @throws IOException when the socket fails or the read timeout passes
     */
    default void awaitReadable() throws IOException {
    }

    /**
     * Writes {@code length} bytes fully.
     *
     * @param buffer the bytes to write from
     * @param offset the index in {@code buffer} of the first byte written
     * @param length how many bytes to write
     * @throws IOException when the socket fails or the peer does not drain the write in time
     */
    void write(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}, blocking until some
     * are sent; the caller loops (and refreshes its deadline) until all are.
     *
     * @param file     the open file to read from
     * @param position the offset in the file, in bytes, of the first byte sent
     * @param count    the most bytes to send
     * @return the number of bytes sent; 0 only when {@code position} is at or past the end of
     *     the file
     * @throws IOException when reading the file or writing to the socket fails
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /**
     * Ends the output: the peer reads end-of-stream.
     *
     * @throws IOException when the socket fails
     */
    void shutdownOutput() throws IOException;

    /**
     * Closes the transport and the socket under it; idempotent, callable from any thread.
     *
     * @throws IOException when closing the socket fails
     */
    void close() throws IOException;
}
