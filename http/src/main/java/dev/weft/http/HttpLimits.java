package dev.weft.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the server applies to every request, each with an exact outcome when exceeded.
 * Bigger limits admit bigger legitimate requests but let each connection hold more memory or
 * time; the defaults suit an API server exposed to the internet.
 *
 * @param maxRequestLineBytes      the longest request line, without its CRLF; default 8 KiB.
 *                                 Longer → {@code 414 URI Too Long}, connection closed
 * @param maxHeaderBytes           the largest header section (all field lines with their line
 *                                 ends, after the request line); default 16 KiB. Larger →
 *                                 {@code 431}, connection closed
 * @param maxHeaderCount           the most header fields; default 100. More → {@code 431}
 * @param maxBodyBytes             the largest request body, declared or chunked; default 10 MiB.
 *                                 Larger → {@code 413}, connection closed (a declared length
 *                                 over the limit is refused before any body byte is read)
 * @param maxRequestsPerConnection how many requests one connection may send; default 100,000.
 *                                 The last one is answered with {@code Connection: close}
 * @param timeouts                 how long each phase of an exchange may take; default
 *                                 {@link HttpTimeouts#DEFAULTS}
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount,
                         long maxBodyBytes, int maxRequestsPerConnection, HttpTimeouts timeouts) {

    /** The documented defaults. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8_192, 16_384, 100, 10L << 20, 100_000,
            HttpTimeouts.DEFAULTS);

    /** Validates every component. */
    public HttpLimits {
        requireAtLeast(maxRequestLineBytes, 16, "maxRequestLineBytes");
        requireAtLeast(maxHeaderBytes, 16, "maxHeaderBytes");
        requireAtLeast(maxHeaderCount, 1, "maxHeaderCount");
        requireAtLeast(maxRequestsPerConnection, 1, "maxRequestsPerConnection");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0: " + maxBodyBytes);
        }
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** {@return {@link HttpTimeouts#header()} of {@link #timeouts()}} */
    public Duration headerTimeout() {
        return timeouts.header();
    }

    /** {@return {@link HttpTimeouts#idle()} of {@link #timeouts()}} */
    public Duration idleTimeout() {
        return timeouts.idle();
    }

    /** {@return {@link HttpTimeouts#bodyRead()} of {@link #timeouts()}} */
    public Duration bodyReadTimeout() {
        return timeouts.bodyRead();
    }

    private static void requireAtLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ": " + value);
        }
    }

    /**
     * A copy with another {@link #maxRequestLineBytes()}.
     *
     * @param value the longest request line in bytes, without its CRLF; at least 16
     * @return the changed copy
     */
    public HttpLimits withMaxRequestLineBytes(int value) {
        return new HttpLimits(value, maxHeaderBytes, maxHeaderCount, maxBodyBytes, maxRequestsPerConnection, timeouts);
    }

    /**
     * A copy with another {@link #maxHeaderBytes()}.
     *
     * @param value the largest header section in bytes; at least 16
     * @return the changed copy
     */
    public HttpLimits withMaxHeaderBytes(int value) {
        return new HttpLimits(maxRequestLineBytes, value, maxHeaderCount, maxBodyBytes, maxRequestsPerConnection, timeouts);
    }

    /**
     * A copy with another {@link #maxHeaderCount()}.
     *
     * @param value the most header fields; at least 1
     * @return the changed copy
     */
    public HttpLimits withMaxHeaderCount(int value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, value, maxBodyBytes, maxRequestsPerConnection, timeouts);
    }

    /**
     * A copy with another {@link #maxBodyBytes()}.
     *
     * @param value the largest request body in bytes; 0 or more
     * @return the changed copy
     */
    public HttpLimits withMaxBodyBytes(long value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, value, maxRequestsPerConnection, timeouts);
    }

    /**
     * A copy with another {@link #maxRequestsPerConnection()}.
     *
     * @param value how many requests one connection may send; at least 1
     * @return the changed copy
     */
    public HttpLimits withMaxRequestsPerConnection(int value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, value, timeouts);
    }

    /**
     * A copy with other {@link #timeouts()}.
     *
     * @param value the timeouts of each phase of an exchange, not null
     * @return the changed copy
     */
    public HttpLimits withTimeouts(HttpTimeouts value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, maxRequestsPerConnection, value);
    }

    /**
     * A copy with another {@link HttpTimeouts#header()}.
     *
     * @param value the new header timeout
     * @return the changed copy
     */
    public HttpLimits withHeaderTimeout(Duration value) {
        return withTimeouts(new HttpTimeouts(value, timeouts.idle(), timeouts.bodyRead()));
    }

    /**
     * A copy with another {@link HttpTimeouts#idle()}.
     *
     * @param value the new idle timeout
     * @return the changed copy
     */
    public HttpLimits withIdleTimeout(Duration value) {
        return withTimeouts(new HttpTimeouts(timeouts.header(), value, timeouts.bodyRead()));
    }

    /**
     * A copy with another {@link HttpTimeouts#bodyRead()}.
     *
     * @param value the new body read timeout
     * @return the changed copy
     */
    public HttpLimits withBodyReadTimeout(Duration value) {
        return withTimeouts(new HttpTimeouts(timeouts.header(), timeouts.idle(), value));
    }
}
