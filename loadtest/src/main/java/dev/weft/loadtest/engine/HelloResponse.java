package dev.weft.loadtest.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The exact bytes Weft's HTTP server answers to {@code GET /hello} — status line, {@code Server},
 * {@code Date}, {@code Content-Type}, {@code Content-Length}, body — which the contrast engines
 * send too, so that every engine puts the same bytes on the wire. The {@code Date} value changes
 * once a second; the arrays are formatted once per second and shared.
 */
public final class HelloResponse {

    /** The body of {@code GET /hello}. */
    public static final String BODY = "Hello, World!";
    /** The {@code Server} value, Weft's default, sent by every engine so the byte counts match. */
    public static final String SERVER = "Weft";
    /** The {@code Content-Type} of {@code /hello}, as in the {@code http} sample. */
    public static final String CONTENT_TYPE = "text/plain";
    /** The {@code Content-Type} of the 404 answer: Weft's type for text responses. */
    public static final String NOT_FOUND_CONTENT_TYPE = "text/plain; charset=utf-8";
    /** The body of the answer to any other path. */
    public static final String NOT_FOUND_BODY = "Not Found\n";

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final byte[] BAD_REQUEST = ascii("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Length: 0\r\n"
            + "Connection: close\r\n"
            + "\r\n");

    /** The responses of one second. */
    private record Second(long epochSecond, String date, byte[] ok, byte[] notFound) {
    }

    private static volatile Second current = second(System.currentTimeMillis() / 1_000);

    private HelloResponse() {
    }

    private static Second second(long epochSecond) {
        String date = IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
        return new Second(epochSecond, date, response("200 OK", date, CONTENT_TYPE, BODY),
                response("404 Not Found", date, NOT_FOUND_CONTENT_TYPE, NOT_FOUND_BODY));
    }

    private static byte[] response(String status, String date, String contentType, String body) {
        return ascii("HTTP/1.1 " + status + "\r\n"
                + "Server: " + SERVER + "\r\n"
                + "Date: " + date + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n"
                + body);
    }

    private static Second now() {
        long epochSecond = System.currentTimeMillis() / 1_000;
        Second s = current;
        if (s.epochSecond() != epochSecond) {
            s = second(epochSecond);
            current = s;
        }
        return s;
    }

    /** The {@code 200 OK} response to {@code GET /hello} for this second; shared, do not modify. */
    public static byte[] ok() {
        return now().ok();
    }

    /** The {@code 404} response to any other path for this second; shared, do not modify. */
    public static byte[] notFound() {
        return now().notFound();
    }

    /** The {@code Date} header value for this second (IMF-fixdate). */
    public static String date() {
        return now().date();
    }

    /** The {@code 400} response to a request the contrast engines cannot parse; shared, do not modify. */
    public static byte[] badRequest() {
        return BAD_REQUEST;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
