package dev.weft.core.internal.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the first bytes a client sends to a TLS port say about it, before the TLS engine sees
 * them: a TLS handshake record, an SSL 2 style hello (from clients older than TLS 1.0), a
 * plaintext HTTP request, or something else.
 *
 * <p>A plaintext HTTP request is answered the way nginx answers it: a plain {@code HTTP/1.1 400}
 * saying that the port speaks TLS, so that whoever typed {@code http://} instead of
 * {@code https://} sees why, rather than a reset. It is harmless for non-HTTP TLS servers: it is
 * only sent to a client that has just sent an HTTP request line.
 */
enum FirstBytes {
    /** A TLS handshake record: the engine takes over. */
    TLS,
    /** An SSL 2 style ClientHello: refused as an old protocol version. */
    SSL2_HELLO,
    /** A plaintext HTTP request line. */
    PLAINTEXT_HTTP,
    /** Anything else. */
    GARBAGE;

    /** How many bytes are enough to recognise an HTTP request line ({@code "OPTIONS "}). */
    static final int HTTP_PROBE_BYTES = 8;

    private static final int HANDSHAKE_RECORD = 22;
    private static final List<byte[]> HTTP_METHODS = List.of("GET ", "HEAD ", "POST ", "PUT ", "DELETE ",
            "OPTIONS ", "PATCH ", "CONNECT ", "TRACE ").stream().map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();

    private static final String HTTP_REPLY_BODY = "This port speaks TLS: use https:// instead of http://\n";

    /** The reply to a plaintext HTTP request. */
    static final byte[] HTTP_REPLY = ("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + HTTP_REPLY_BODY.length() + "\r\n"
            + "Connection: close\r\n"
            + "\r\n"
            + HTTP_REPLY_BODY).getBytes(StandardCharsets.US_ASCII);

    /**
     * Classifies the bytes from {@code bytes}' position to its limit (at least one).
     * {@link #PLAINTEXT_HTTP} needs {@link #HTTP_PROBE_BYTES} bytes or a whole method and space.
     */
    static FirstBytes of(ByteBuffer bytes) {
        int first = bytes.get(bytes.position()) & 0xFF;
        if (first == HANDSHAKE_RECORD) {
            return TLS;
        }
        if ((first & 0x80) != 0 && bytes.remaining() >= 3 && bytes.get(bytes.position() + 2) == 1) {
            return SSL2_HELLO;
        }
        for (byte[] method : HTTP_METHODS) {
            if (startsWith(bytes, method)) {
                return PLAINTEXT_HTTP;
            }
        }
        return GARBAGE;
    }

    /** Whether more bytes could turn a {@link #GARBAGE} verdict into {@link #PLAINTEXT_HTTP}. */
    static boolean couldBeHttp(ByteBuffer bytes) {
        if (bytes.remaining() >= HTTP_PROBE_BYTES) {
            return false;
        }
        for (byte[] method : HTTP_METHODS) {
            if (isPrefixOf(bytes, method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(ByteBuffer bytes, byte[] prefix) {
        if (bytes.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes.get(bytes.position() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrefixOf(ByteBuffer bytes, byte[] method) {
        int n = Math.min(bytes.remaining(), method.length);
        for (int i = 0; i < n; i++) {
            if (bytes.get(bytes.position() + i) != method[i]) {
                return false;
            }
        }
        return true;
    }
}
