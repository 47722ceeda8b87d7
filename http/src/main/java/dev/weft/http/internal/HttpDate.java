package dev.weft.http.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 §5.6.7, IMF-fixdate such as {@code Sun, 06 Nov 1994 08:49:37 GMT}), and
 * the {@code Date} header line, formatted once per second and shared by all connections.
 */
public final class HttpDate {

    /** IMF-fixdate: always two-digit days, unlike {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);
    /** Accepts one- or two-digit days. */
    private static final DateTimeFormatter PARSE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** The current second's date: as text, and as the HTTP/1.1 {@code Date} line's bytes. */
    private record DateLine(long epochSecond, String date, byte[] bytes) {
    }

    private static volatile DateLine current = new DateLine(Long.MIN_VALUE, "", new byte[0]);

    private HttpDate() {
    }

    /** {@return {@code Date: <now>\r\n}, as bytes; the same array within one second} */
    public static byte[] dateHeaderLine() {
        return now().bytes();
    }

    /**
     * {@return the current date as an IMF-fixdate, such as {@code Sun, 06 Nov 1994 08:49:37 GMT};
     * the same string within one second}
     */
    public static String currentDate() {
        return now().date();
    }

    /** This second's date, formatted once a second by whichever thread first asks in it. */
    private static DateLine now() {
        long second = System.currentTimeMillis() / 1000;
        DateLine line = current;
        if (line.epochSecond() != second) {
            String date = format(Instant.ofEpochSecond(second));
            line = new DateLine(second, date, ("Date: " + date + "\r\n").getBytes(StandardCharsets.US_ASCII));
            current = line;
        }
        return line;
    }

    /**
     * Formats an instant as an IMF-fixdate, truncated to the second.
     *
     * @param instant the instant
     * @return the date, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}
     */
    public static String format(Instant instant) {
        return FORMAT.format(ZonedDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                ZoneOffset.UTC));
    }

    /**
     * Parses an IMF-fixdate; empty when the text is not one (such a header is then ignored).
     *
     * @param text a header value; surrounding whitespace is ignored
     * @return the instant; empty when the text is not an IMF-fixdate
     */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.trim(), PARSE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
