package dev.weft.loadtest.engine;

import java.nio.charset.StandardCharsets;

/**
 * The exact bytes every engine answers to {@code GET /hello}, and to any other path, so that
 * each engine puts the same bytes on the wire.
 */
public final class HelloResponse {

    /** The body of {@code GET /hello}. */
    public static final String BODY = "Hello, World!";

    private static final byte[] OK = ascii("HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "\r\n"
            + BODY);

    private static final byte[] NOT_FOUND = ascii("HTTP/1.1 404 Not Found\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: 9\r\n"
            + "\r\n"
            + "Not Found");

    private static final byte[] BAD_REQUEST = ascii("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Length: 0\r\n"
            + "Connection: close\r\n"
            + "\r\n");

    private HelloResponse() {
    }

    /** A fresh copy of the {@code 200 OK} response to {@code GET /hello}. */
    public static byte[] ok() {
        return OK.clone();
    }

    /** A fresh copy of the {@code 404} response to any other path. */
    public static byte[] notFound() {
        return NOT_FOUND.clone();
    }

    /** A fresh copy of the {@code 400} response to a request the contrast engines cannot parse. */
    public static byte[] badRequest() {
        return BAD_REQUEST.clone();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
