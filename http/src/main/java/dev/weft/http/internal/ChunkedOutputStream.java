package dev.weft.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The body stream handed to a streaming response's writer: each write becomes one chunk
 * (RFC 9112 §7.1) in the connection's {@link OutboundBuffer}, or, for an HTTP/1.0 client, raw
 * bytes delimited by closing the connection. {@link #finish()} writes the last chunk.
 */
final class ChunkedOutputStream extends OutputStream {

    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    /** How the body is delimited. */
    enum Coding {
        /** Chunked transfer coding, for HTTP/1.1. */
        CHUNKED,
        /** Raw bytes, delimited by closing the connection, for HTTP/1.0. */
        IDENTITY
    }

    private final OutboundBuffer out;
    private final boolean chunked;
    private boolean finished;
    private long payloadBytes;

    ChunkedOutputStream(OutboundBuffer out, Coding coding) {
        this.out = out;
        this.chunked = coding == Coding.CHUNKED;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (finished) {
            throw new IOException("response body already complete");
        }
        if (length == 0) {
            return;
        }
        payloadBytes += length;
        if (chunked) {
            out.writeLatin1(Integer.toHexString(length));
            out.writeCrlf();
            out.write(bytes, offset, length);
            out.writeCrlf();
        } else {
            out.write(bytes, offset, length);
        }
    }

    /** Sends what is buffered; the writer may call it to push a part of the body early. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the body; closing the stream early is the same as returning from the writer. */
    @Override
    public void close() {
        // The server ends the body after the writer returns (see finish()).
    }

    /** The body bytes written so far, without chunk framing. */
    long payloadBytes() {
        return payloadBytes;
    }

    void finish() throws IOException {
        if (!finished) {
            finished = true;
            if (chunked) {
                out.write(LAST_CHUNK);
            }
        }
    }
}
