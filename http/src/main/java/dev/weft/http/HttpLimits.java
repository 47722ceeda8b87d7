package dev.weft.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the server applies to every request, each with an exact outcome when exceeded.
 * Bigger limits admit bigger legitimate requests but let each connection hold more memory or
 * time; the defaults suit an API server exposed to the internet. The timeouts are enforced by
 * the core engine's watchdog (no timer per read), at most a quarter of the timeout (and at
 * most 1 s) late.
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
 * @param headerTimeout            how long the whole header section of a request may take to
 *                                 arrive, from its first byte; default 20 s. Exceeded (a
 *                                 slowloris client) → the connection is closed, after a
 *                                 {@code 408} when the deadline passes between two reads
 * @param idleTimeout              how long a keep-alive connection may wait for the first byte of
 *                                 its next request; default 30 s. Exceeded → closed silently
 * @param bodyReadTimeout          how long one read of the request body may wait; default 30 s.
 *                                 Exceeded → the connection is closed and the handler's read
 *                                 fails
 * @param maxRequestsPerConnection how many requests one connection may send; default 100,000.
 *                                 The last one is answered with {@code Connection: close}
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount,
                         long maxBodyBytes, Duration headerTimeout, Duration idleTimeout,
                         Duration bodyReadTimeout, int maxRequestsPerConnection) {

    /** The documented defaults. */
    public static final HttpLimits DEFAULTS = new HttpLimits(8_192, 16_384, 100, 10L << 20,
            Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 100_000);

    /** Validates every component. */
    public HttpLimits {
        requireAtLeast(maxRequestLineBytes, 16, "maxRequestLineBytes");
        requireAtLeast(maxHeaderBytes, 16, "maxHeaderBytes");
        requireAtLeast(maxHeaderCount, 1, "maxHeaderCount");
        requireAtLeast(maxRequestsPerConnection, 1, "maxRequestsPerConnection");
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0: " + maxBodyBytes);
        }
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(bodyReadTimeout, "bodyReadTimeout");
    }

    private static void requireAtLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ": " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** A copy with another {@link #maxRequestLineBytes()}. */
    public HttpLimits withMaxRequestLineBytes(int value) {
        return new HttpLimits(value, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeout,
                idleTimeout, bodyReadTimeout, maxRequestsPerConnection);
    }

    /** A copy with another {@link #maxHeaderBytes()}. */
    public HttpLimits withMaxHeaderBytes(int value) {
        return new HttpLimits(maxRequestLineBytes, value, maxHeaderCount, maxBodyBytes, headerTimeout,
                idleTimeout, bodyReadTimeout, maxRequestsPerConnection);
    }

    /** A copy with another {@link #maxHeaderCount()}. */
    public HttpLimits withMaxHeaderCount(int value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, value, maxBodyBytes, headerTimeout,
                idleTimeout, bodyReadTimeout, maxRequestsPerConnection);
    }

    /** A copy with another {@link #maxBodyBytes()}. */
    public HttpLimits withMaxBodyBytes(long value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, value, headerTimeout,
                idleTimeout, bodyReadTimeout, maxRequestsPerConnection);
    }

    /** A copy with another {@link #headerTimeout()}. */
    public HttpLimits withHeaderTimeout(Duration value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, value,
                idleTimeout, bodyReadTimeout, maxRequestsPerConnection);
    }

    /** A copy with another {@link #idleTimeout()}. */
    public HttpLimits withIdleTimeout(Duration value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes,
                headerTimeout, value, bodyReadTimeout, maxRequestsPerConnection);
    }

    /** A copy with another {@link #bodyReadTimeout()}. */
    public HttpLimits withBodyReadTimeout(Duration value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes,
                headerTimeout, idleTimeout, value, maxRequestsPerConnection);
    }

    /** A copy with another {@link #maxRequestsPerConnection()}. */
    public HttpLimits withMaxRequestsPerConnection(int value) {
        return new HttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes,
                headerTimeout, idleTimeout, bodyReadTimeout, value);
    }
}
