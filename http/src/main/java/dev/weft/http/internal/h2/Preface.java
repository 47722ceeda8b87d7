package dev.weft.http.internal.h2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client connection preface of RFC 9113 section 3.4, and how a connection on a port shared
 * with HTTP/1.1 tells it from an HTTP/1.1 request: by comparing the first bytes as they arrive.
 * The first byte that differs means HTTP/1.1 (no HTTP/1.1 request is kept waiting for bytes it
 * will never send); all 24 bytes equal mean HTTP/2 with prior knowledge.
 */
public final class Preface {

    /** {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}. */
    private static final byte[] BYTES = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The preface's first line, as an HTTP/1.1 parser would see it: {@code PRI * HTTP/2.0}. */
    private static final byte[] FIRST_LINE = "PRI * HTTP/2.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    /** The length of the preface. */
    public static final int LENGTH = BYTES.length;

    /** What the first bytes of a connection say. */
    public enum Match {
        /** The complete preface: HTTP/2 with prior knowledge. */
        PREFACE,
        /** Not the preface: HTTP/1.1. */
        NOT_PREFACE,
        /** A prefix of the preface so far: read more. */
        NEED_MORE
    }

    private Preface() {
    }

    /** {@return a copy of the preface bytes} */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    /**
     * Whether the first bytes of a connection (at {@code offset}, {@code length} bytes buffered, a
     * head the HTTP/1.1 parser refused) are a failed attempt at HTTP/2: at least as long as the
     * preface, and a first line that is no HTTP/1.x request line at all — it names no
     * {@code HTTP/} version in any case — or that is the preface's own first line followed by
     * something else. (A shorter unreadable head stays an HTTP/1.1 {@code 400}.) Such a client
     * was trying HTTP/2 (an invalid preface, RFC 9113 section 3.4) or no HTTP at all, and is
     * answered {@code GOAWAY PROTOCOL_ERROR} rather than an HTTP/1.1 {@code 400} it could not
     * read.
     *
     * @param bytes  the connection's input buffer
     * @param offset where its first byte is
     * @param length how many bytes are buffered
     * @return whether the client failed to start HTTP/2
     */
    public static boolean failedStart(byte[] bytes, int offset, int length) {
        if (length < LENGTH) {
            return false;
        }
        int end = offset;
        int limit = offset + length;
        while (end < limit && bytes[end] != '\n') {
            end++;
        }
        if (end - offset >= FIRST_LINE.length && Arrays.equals(bytes, offset, offset + FIRST_LINE.length,
                FIRST_LINE, 0, FIRST_LINE.length)) {
            return true;
        }
        for (int i = offset; i + VERSION.length <= end; i++) {
            if (regionMatchesIgnoringCase(bytes, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatchesIgnoringCase(byte[] bytes, int at) {
        for (int j = 0; j < VERSION.length; j++) {
            int b = bytes[at + j];
            if (b >= 'a' && b <= 'z') {
                b -= 'a' - 'A';
            }
            if (b != VERSION[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Classifies the first {@code length} bytes of a connection, at {@code offset} in {@code bytes}.
     *
     * @param bytes  the connection's input buffer
     * @param offset where its first byte is
     * @param length how many bytes are buffered
     * @return what they say
     */
    public static Match match(byte[] bytes, int offset, int length) {
        int n = Math.min(length, LENGTH);
        for (int i = 0; i < n; i++) {
            if (bytes[offset + i] != BYTES[i]) {
                return Match.NOT_PREFACE;
            }
        }
        return n == LENGTH ? Match.PREFACE : Match.NEED_MORE;
    }
}
