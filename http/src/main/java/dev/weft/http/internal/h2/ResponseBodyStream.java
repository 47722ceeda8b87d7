package dev.weft.http.internal.h2;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body stream handed to a {@link dev.weft.http.Response.BodyWriter} on HTTP/2: buffers up to
 * one DATA frame, sends a frame when the buffer is full or flushed (each send waits for the
 * windows), and ends the stream on {@link #finish()}.
 */
final class ResponseBodyStream extends OutputStream {

    private final Http2Connection connection;
    private final Http2Stream stream;
    private final byte[] buffer = new byte[16_384];
    private int count;
    private long sentBytes;
    private boolean finished;

    ResponseBodyStream(Http2Connection connection, Http2Stream stream) {
        this.connection = connection;
        this.stream = stream;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            flush();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        requireOpen();
        while (length > 0) {
            if (count == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        if (count > 0) {
            connection.io.sendData(stream, buffer, 0, count, false);
            sentBytes += count;
            count = 0;
        }
    }

    /** A writer may close the stream; the response ends in {@link #finish()} either way. */
    @Override
    public void close() {
        // The exchange ends the stream after the writer returns.
    }

    /** Sends what is buffered with END_STREAM. */
    void finish() throws IOException {
        requireOpen();
        finished = true;
        connection.io.sendData(stream, buffer, 0, count, true);
        sentBytes += count;
        count = 0;
    }

    /** The body bytes handed to the connection so far. */
    long bytesSent() {
        return sentBytes;
    }

    private void requireOpen() throws IOException {
        if (finished) {
            throw new IOException("response body already finished");
        }
    }
}
