package dev.weft.http.internal.h2;

import java.nio.charset.StandardCharsets;

/**
 * The client connection preface of RFC 9113 section 3.4, and how a connection on a port shared
 * with HTTP/1.1 tells it from an HTTP/1.1 request: by comparing the first bytes as they arrive.
 * The first byte that differs means HTTP/1.1 (no HTTP/1.1 request is kept waiting for bytes it
 * will never send); all 24 bytes equal mean HTTP/2 with prior knowledge.
 */
public final class Preface {

    /** {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}. */
    private static final byte[] BYTES = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

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

    /** A copy of the preface bytes. */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    /** Classifies the first {@code length} bytes of a connection, at {@code offset} in {@code bytes}. */
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
