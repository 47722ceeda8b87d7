package dev.weft.http.websocket;

import java.time.Duration;

/**
 * Keep-alive pings: how a server notices a peer that vanished without closing (a laptop lid
 * shut, a mobile network gone) and keeps idle NAT and proxy mappings open.
 *
 * <p>When nothing has arrived from the peer for {@code pingInterval} while the session waits
 * for it, the server sends a ping. When nothing arrives within {@code pongDeadline} after it,
 * the session is closed with {@code 1001} and the connection is cut after the close timeout.
 * A session whose endpoint is busy elsewhere (not receiving) is not blamed for pongs nobody
 * reads.
 *
 * @param pingInterval how long the line may stay silent before a ping; default 30 seconds.
 *                     Shorter finds dead peers sooner at the cost of traffic on every idle
 *                     session; NAT mappings often expire after 60 seconds.
 * @param pongDeadline how long the peer has to answer; default 15 seconds
 */
public record KeepAlive(Duration pingInterval, Duration pongDeadline) {

    /** A ping after 30 seconds of silence, answered within 15 seconds. */
    public static final KeepAlive DEFAULTS = new KeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(15));

    /** Validates both durations. */
    public KeepAlive {
        WebSocketLimits.requirePositive(pingInterval, "pingInterval");
        WebSocketLimits.requirePositive(pongDeadline, "pongDeadline");
    }
}
