package dev.weft.loadtest.generator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses from a stream through a buffer of its own, so that pipelined
 * responses arriving in one segment are split correctly. Only what the load test needs: a
 * status line, headers with {@code Content-Length}, and a body of that length, which is skipped.
 */
final class HttpResponseReader {

    /** A response head longer than this is refused. */
    static final int MAX_HEAD_BYTES = 8_192;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final byte[] buffer = new byte[MAX_HEAD_BYTES];
    private int position;
    private int limit;

    /**
     * Reads one whole response.
     *
     * @return its status code
     * @throws UnexpectedResponseException when it is not a well-formed response with a length
     */
    int readResponse(InputStream in) throws IOException {
        int headEnd = findHeadEnd(in);
        int status = parseStatus();
        long contentLength = parseContentLength(headEnd);
        position = headEnd;
        skipBody(in, contentLength);
        return status;
    }

    private int findHeadEnd(InputStream in) throws IOException {
        int scanned = position;
        while (true) {
            for (int i = Math.max(scanned, position + 3); i < limit; i++) {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                    return i + 1;
                }
            }
            scanned = Math.max(limit, position + 3);
            if (position > 0) {
                int kept = limit - position;
                System.arraycopy(buffer, position, buffer, 0, kept);
                scanned -= position;
                position = 0;
                limit = kept;
            }
            if (limit == buffer.length) {
                throw new UnexpectedResponseException("response head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            fill(in);
        }
    }

    private void fill(InputStream in) throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw new EOFException("server closed the connection before a whole response ("
                    + (limit - position) + " bytes of it arrived)");
        }
        limit += n;
    }

    private int parseStatus() throws UnexpectedResponseException {
        // "HTTP/1.1 200 ..." : the three digits at offset 9
        int p = position;
        if (limit - p < 12 || buffer[p] != 'H' || buffer[p + 4] != '/' || buffer[p + 8] != ' ') {
            throw new UnexpectedResponseException("not an HTTP status line: " + preview());
        }
        int status = 0;
        for (int i = p + 9; i < p + 12; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new UnexpectedResponseException("bad status code in: " + preview());
            }
            status = status * 10 + digit;
        }
        return status;
    }

    private long parseContentLength(int headEnd) throws UnexpectedResponseException {
        for (int line = position; line < headEnd; ) {
            int next = line;
            while (next < headEnd && buffer[next] != '\n') {
                next++;
            }
            if (startsWithIgnoreCase(line, CONTENT_LENGTH)) {
                long length = 0;
                for (int i = line + CONTENT_LENGTH.length; i < next; i++) {
                    byte b = buffer[i];
                    if (b >= '0' && b <= '9') {
                        length = length * 10 + (b - '0');
                    }
                }
                return length;
            }
            line = next + 1;
        }
        throw new UnexpectedResponseException("response without Content-Length: " + preview());
    }

    private boolean startsWithIgnoreCase(int offset, byte[] lowerCase) {
        if (offset + lowerCase.length > limit) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            int b = buffer[offset + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipBody(InputStream in, long length) throws IOException {
        long left = length;
        while (true) {
            int available = (int) Math.min(left, limit - position);
            position += available;
            left -= available;
            if (left == 0) {
                return;
            }
            position = 0;
            limit = 0;
            fill(in);
        }
    }

    private String preview() {
        return new String(buffer, position, Math.min(40, limit - position), StandardCharsets.US_ASCII)
                .replace("\r", "\\r").replace("\n", "\\n");
    }
}
