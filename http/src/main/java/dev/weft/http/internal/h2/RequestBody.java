package dev.weft.http.internal.h2;

import dev.weft.http.HttpException;
import dev.weft.http.Status;
import dev.weft.http.internal.ClientBody;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body of one stream as the handler reads it: blocks for DATA that has not arrived
 * (at most the body read timeout, then the stream is reset with {@code CANCEL}), gives
 * flow-control credit back as it reads, and fails with {@code 413} past
 * {@link dev.weft.http.HttpLimits#maxBodyBytes()}. Used by the stream's own thread only. A body the
 * client broke is {@linkplain #broken() broken}, as an HTTP/1.1 body cut short.
 */
final class RequestBody extends InputStream implements ClientBody {

    private final Http2Connection connection;
    private final Http2Stream stream;
    private final long maxBytes;
    private long read;
    private boolean broken;

    RequestBody(Http2Connection connection, Http2Stream stream, long maxBytes) {
        this.connection = connection;
        this.stream = stream;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        int n;
        try {
            n = connection.io.readBody(stream, buffer, offset, length);
        } catch (IOException e) {
            broken = true;
            throw e;
        }
        if (n > 0) {
            read += n;
            if (read > maxBytes) {
                throw new HttpException(Status.CONTENT_TOO_LARGE_413, "request body exceeds " + maxBytes + " bytes");
            }
        }
        return n;
    }

    /**
     * Whether the client broke the body: reset its stream, closed the connection, or stopped
     * sending past the body read timeout. A handler failing then is answered as the client's
     * fault (a {@code 400} logged at DEBUG), not as a server error.
     */
    @Override
    public boolean broken() {
        return broken;
    }
}
