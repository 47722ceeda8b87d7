package dev.weft.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The byte stream under a {@code SocketConnection}: a plain socket, or the TLS record layer over
 * one.
 *
 * <p>One reader thread at a time; writes are serialised by the connection's write lock (the
 * reader may still need to write under TLS: it takes the same lock). Deadlines are published by
 * {@code SocketConnection} around each call, so a transport does no timing of its own, except a
 * TLS handshake, which runs on the connection thread under a handshake deadline before the
 * handler starts.
 */
public interface Transport {

    /** Blocks until at least one byte is read; returns the count, or -1 at end of stream. */
    int read(byte[] b, int off, int len) throws IOException;

    /** Writes all {@code len} bytes. */
    void write(byte[] b, int off, int len) throws IOException;

    /** Sends {@code count} bytes of {@code file} from {@code position}; returns the count sent. */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /** Ends the outbound direction; reads may go on. */
    void shutdownOutput() throws IOException;

    /** Closes the stream; idempotent, callable from any thread. */
    void close() throws IOException;
}
