package dev.weft.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds that keep one HTTP/2 client from costing the server more than its share: each
 * outcome is {@code GOAWAY ENHANCE_YOUR_CALM} and the connection closed (other connections are
 * untouched), counted in {@link Http2Metrics}. Legitimate clients stay far below every default.
 *
 * @param maxHeaderBlockBytes     the largest compressed header block (a {@code HEADERS} frame and
 *                                its {@code CONTINUATION}s); default 64 KiB. A block has to be
 *                                held whole before it can be decoded, so this bounds that memory
 * @param maxContinuationFrames   the most {@code CONTINUATION} frames after one {@code HEADERS};
 *                                default 32. Bounds the CONTINUATION flood of empty frames
 * @param resets                  streams reset by the client before their response completed, or
 *                                refused by the server, per window; default 200 per 30 s. Bounds
 *                                "rapid reset" (CVE-2023-44487)
 * @param controlFrames           {@code SETTINGS} and {@code PING} frames, and frames the server
 *                                must answer with {@code RST_STREAM}, per window; default 1000 per
 *                                10 s. Bounds the ping, settings and reset floods (CVE-2019-9512,
 *                                -9515)
 * @param emptyFrames             {@code DATA} frames with no payload that do not end the stream,
 *                                per window; default 100 per 10 s (CVE-2019-9518)
 * @param maxQueuedControlFrames  the most answers ({@code PING} and {@code SETTINGS} acks, resets)
 *                                waiting to be written because the client does not read; default
 *                                1000. Bounds the memory a client that never reads can pin
 */
public record Http2Limits(int maxHeaderBlockBytes, int maxContinuationFrames, Rate resets, Rate controlFrames,
                          Rate emptyFrames, int maxQueuedControlFrames) {

    /** The documented defaults. */
    public static final Http2Limits DEFAULTS = new Http2Limits(64 * 1024, 32,
            new Rate(200, Duration.ofSeconds(30)), new Rate(1000, Duration.ofSeconds(10)),
            new Rate(100, Duration.ofSeconds(10)), 1000);

    /** Validates every component. */
    public Http2Limits {
        requireAtLeast(maxHeaderBlockBytes, 1024, "maxHeaderBlockBytes");
        requireAtLeast(maxContinuationFrames, 0, "maxContinuationFrames");
        Objects.requireNonNull(resets, "resets");
        Objects.requireNonNull(controlFrames, "controlFrames");
        Objects.requireNonNull(emptyFrames, "emptyFrames");
        requireAtLeast(maxQueuedControlFrames, 16, "maxQueuedControlFrames");
    }

    static void requireAtLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ": " + value);
        }
    }

    /**
     * {@return a copy with another {@link #resets()}}
     *
     * @param value the new value
     */
    public Http2Limits withResets(Rate value) {
        return new Http2Limits(maxHeaderBlockBytes, maxContinuationFrames, value, controlFrames, emptyFrames,
                maxQueuedControlFrames);
    }

    /**
     * {@return a copy with another {@link #controlFrames()}}
     *
     * @param value the new value
     */
    public Http2Limits withControlFrames(Rate value) {
        return new Http2Limits(maxHeaderBlockBytes, maxContinuationFrames, resets, value, emptyFrames,
                maxQueuedControlFrames);
    }

    /**
     * {@return a copy with another {@link #emptyFrames()}}
     *
     * @param value the new value
     */
    public Http2Limits withEmptyFrames(Rate value) {
        return new Http2Limits(maxHeaderBlockBytes, maxContinuationFrames, resets, controlFrames, value,
                maxQueuedControlFrames);
    }

    /**
     * {@return a copy with another {@link #maxContinuationFrames()}}
     *
     * @param value the new value
     */
    public Http2Limits withMaxContinuationFrames(int value) {
        return new Http2Limits(maxHeaderBlockBytes, value, resets, controlFrames, emptyFrames,
                maxQueuedControlFrames);
    }

    /**
     * At most {@code events} in any fixed window of length {@code per}.
     *
     * @param events the most events per window
     * @param per    the window
     */
    public record Rate(int events, Duration per) {
        /** Validates both. */
        public Rate {
            requireAtLeast(events, 1, "events");
            Objects.requireNonNull(per, "per");
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("per must be positive: " + per);
            }
        }
    }
}
