package dev.weft.core.proxy;

import static dev.weft.core.internal.DurationChecks.requirePositive;

import java.time.Duration;

/**
 * How long a {@link TcpProxy} waits, and how often it probes its backends.
 *
 * @param connect             how long a connect to one backend may take before the next one is
 *                            tried; default 2 seconds. Short keeps clients from waiting on a
 *                            dead host; too short fails healthy backends under load. (With TLS
 *                            to the backends, the handshake has its own timeout.)
 * @param healthCheckInterval how often every backend is probed with a connect (the probe uses
 *                            {@code connect}); default 2 seconds. A dead backend is taken out by
 *                            the first failed probe or connect and put back by the first probe
 *                            that succeeds
 * @param idle                how long a paired connection may carry no byte in either direction
 *                            before both sides are closed; default 5 minutes. A silent client
 *                            during a long download is not idle (the client's own reads are only
 *                            bounded by a one-day backstop). The check runs when a backend read
 *                            times out, so the close comes between one and two idle timeouts
 *                            after the last byte
 */
public record ProxyTimeouts(Duration connect, Duration healthCheckInterval, Duration idle) {

    /** The documented defaults. */
    public static final ProxyTimeouts DEFAULTS = new ProxyTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMinutes(5));

    /** Validates every component. */
    public ProxyTimeouts {
        requirePositive(connect, "connect");
        requirePositive(healthCheckInterval, "healthCheckInterval");
        requirePositive(idle, "idle");
    }
}
