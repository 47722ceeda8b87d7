package dev.weft.http;

import static dev.weft.core.internal.DurationChecks.requirePositive;

import java.time.Duration;

/**
 * How long the phases of an HTTP exchange may take, each enforced by the core engine's deadline
 * watchdog (no timer per read).
 *
 * @param header   how long the whole header section of a request may take to arrive, from its
 *                 first byte; default 20 s. Exceeded (a slowloris client) → the connection is
 *                 closed, after a {@code 408} when the deadline passes between two reads
 * @param idle     how long a keep-alive connection may wait for the first byte of its next
 *                 request; default 30 s. Exceeded → closed silently. Longer keeps clients'
 *                 connections warm; shorter frees idle connections' memory sooner
 * @param bodyRead how long one read of the request body may wait; default 30 s. Exceeded → the
 *                 connection is closed and the handler's read fails
 */
public record HttpTimeouts(Duration header, Duration idle, Duration bodyRead) {

    /** The documented defaults. */
    public static final HttpTimeouts DEFAULTS = new HttpTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(30));

    /** Validates every component. */
    public HttpTimeouts {
        requirePositive(header, "headerTimeout");
        requirePositive(idle, "idleTimeout");
        requirePositive(bodyRead, "bodyReadTimeout");
    }
}
