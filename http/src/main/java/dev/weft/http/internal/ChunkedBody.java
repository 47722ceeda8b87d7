package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Status;
import java.io.EOFException;
import java.io.IOException;

/**
 * A {@code Transfer-Encoding: chunked} body (RFC 9112 §7.1): chunk sizes in hex, chunk
 * extensions accepted and ignored, trailer fields accepted and dropped.
 *
 * <p>Strict where leniency enables smuggling: every chunk line and the CRLF after each chunk's
 * data must be exactly CR LF (a lone LF or CR is refused), the size must be hex digits only, and
 * the running total is checked against the body limit before a chunk is read — which also
 * rules out overflowing sizes.
 */
public final class ChunkedBody extends BodyInput {

    /** The longest chunk-size line (size and extensions), CR LF included; longer → 400. */
    static final int MAX_CHUNK_LINE_BYTES = 4096;

    private enum State { SIZE, DATA, DATA_END, DONE }

    private final long maxBodyBytes;
    private final int maxTrailerBytes;
    private State state = State.SIZE;
    private long chunkRemaining;
    private long total;

    /**
     * A chunked body whose first chunk header has not been read yet.
     *
     * @param context         the connection's buffers and read timeout
     * @param expectContinue  whether the client sent {@code Expect: 100-continue}, so the first
     *                        read sends {@code 100 Continue}
     * @param maxBodyBytes    the largest decoded body accepted (413 beyond)
     * @param maxTrailerBytes the largest trailer section accepted (431 beyond)
     */
    public ChunkedBody(BodyContext context, boolean expectContinue, long maxBodyBytes, int maxTrailerBytes) {
        super(context, expectContinue);
        this.maxBodyBytes = maxBodyBytes;
        this.maxTrailerBytes = maxTrailerBytes;
    }

    @Override
    int readBody(byte[] destination, int offset, int length) throws IOException {
        while (true) {
            switch (state) {
                case DONE -> {
                    return -1;
                }
                case SIZE -> readChunkSize();
                case DATA -> {
                    int n = readAvailable(destination, offset, (int) Math.min(length, chunkRemaining));
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = State.DATA_END;
                    }
                    return n;
                }
                case DATA_END -> {
                    int end = lineEnd(2, Status.BAD_REQUEST_400);
                    if (end != in.position()) {
                        throw bad("chunk data not followed by CRLF");
                    }
                    in.consume(2);
                    state = State.SIZE;
                }
            }
        }
    }

    @Override
    boolean finished() {
        return state == State.DONE;
    }

    private void readChunkSize() throws IOException {
        int end = lineEnd(MAX_CHUNK_LINE_BYTES, Status.BAD_REQUEST_400);
        byte[] bytes = in.bytes();
        int i = in.position();
        long size = 0;
        int digits = 0;
        for (; i < end && Character.digit(bytes[i], 16) >= 0; i++, digits++) {
            size = size * 16 + Character.digit(bytes[i], 16);
            if (size > maxBodyBytes - total) {
                throw new HttpException(Status.CONTENT_TOO_LARGE_413,
                        "chunked body exceeds " + maxBodyBytes + " bytes");
            }
        }
        if (digits == 0) {
            throw bad("invalid chunk size");
        }
        checkExtensions(bytes, i, end);
        in.consume(end + 2 - in.position());
        total += size;
        if (size == 0) {
            readTrailers();
            state = State.DONE;
        } else {
            chunkRemaining = size;
            state = State.DATA;
        }
    }

    private static void checkExtensions(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && HttpChars.isWhitespace(bytes[i])) {
            i++;
        }
        // Whitespace after the size is only allowed before an extension (BWS ";").
        if ((i < end && bytes[i] != ';') || (i == end && i > from)) {
            throw bad("invalid chunk size");
        }
        for (; i < end; i++) {
            if (!HttpChars.isFieldValueByte(bytes[i] & 0xFF)) {
                throw bad("invalid character in chunk extension");
            }
        }
    }

    private void readTrailers() throws IOException {
        int trailerBytes = 0;
        while (true) {
            int end = lineEnd(maxTrailerBytes - trailerBytes + 2, Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431);
            int length = end - in.position();
            if (length == 0) {
                in.consume(2);
                return;
            }
            trailerBytes += length + 2;
            checkTrailer(in.bytes(), in.position(), end);
            in.consume(length + 2);
        }
    }

    private static void checkTrailer(byte[] bytes, int from, int end) {
        int colon = from;
        while (colon < end && HttpChars.isTokenChar(bytes[colon] & 0xFF)) {
            colon++;
        }
        if (colon == from || colon == end || bytes[colon] != ':') {
            throw bad("malformed trailer field");
        }
        for (int i = colon + 1; i < end; i++) {
            if (!HttpChars.isFieldValueByte(bytes[i] & 0xFF)) {
                throw bad("invalid character in trailer field");
            }
        }
    }

    /**
     * Buffers a whole line ending in CR LF and returns the index of its CR.
     *
     * @param maxBytes the longest line allowed, CR LF included
     * @param tooLong  the status when the line is longer
     */
    private int lineEnd(int maxBytes, Status tooLong) throws IOException {
        int searched = 0;
        while (true) {
            byte[] bytes = in.bytes();
            int start = in.position();
            for (int i = start + searched; i < in.limit(); i++) {
                if (bytes[i] == '\n') {
                    if (i == start || bytes[i - 1] != '\r') {
                        throw bad("chunk line not terminated by CRLF");
                    }
                    checkNoBareCr(bytes, start, i - 1);
                    return i - 1;
                }
            }
            searched = in.limit() - start;
            if (searched >= maxBytes) {
                throw new HttpException(tooLong, "chunk line or trailer section longer than " + maxBytes + " bytes");
            }
            if (fillOnce() < 0) {
                throw new EOFException("connection closed in the middle of a chunked body");
            }
        }
    }

    private static void checkNoBareCr(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\r') {
                throw bad("bare CR in chunked framing");
            }
        }
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST_400, message);
    }
}
