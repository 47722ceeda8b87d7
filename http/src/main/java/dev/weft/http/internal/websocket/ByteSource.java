package dev.weft.http.internal.websocket;

import java.io.IOException;

/** Where a session's bytes come from: one blocking read at a time. */
@FunctionalInterface
interface ByteSource {

    /**
     * Reads at least one byte into {@code b[off .. off + len)}, blocking until one arrives.
     *
     * @return the number of bytes read, or -1 at the end of the stream
     */
    int read(byte[] b, int off, int len) throws IOException;
}
