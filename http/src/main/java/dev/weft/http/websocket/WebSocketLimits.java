package dev.weft.http.websocket;

import dev.weft.core.internal.DurationChecks;
import java.time.Duration;

/**
 * The size and time limits of one WebSocket session; each has a safe default and a defined
 * outcome when exceeded.
 *
 * @param maxFrameBytes      the largest frame payload accepted from the peer. Default 1 MiB. A
 *                           frame over it closes the session with {@code 1009} as soon as its
 *                           header is read, before any of its payload. Peers fragment large
 *                           messages as they like, so this rarely needs to differ from
 *                           {@code maxMessageBytes}; it may not exceed it.
 * @param maxMessageBytes    the largest message accepted from the peer, counted both as
 *                           received and after decompression. Default 1 MiB. Over it, the
 *                           session closes with {@code 1009}, as soon as the excess is seen: a
 *                           compressed "bomb" stops at the limit, not at the end of memory.
 *                           {@link WebSocketSession#receive()} holds a whole message, so this
 *                           is the memory one session may take for input; raise it for large
 *                           messages (and prefer {@link WebSocketSession#receiveStream()} then).
 * @param outboundQueueBytes how many bytes of queued outgoing messages a session may hold
 *                           while the peer reads them. Default 1 MiB. A message that would pass
 *                           it (unless the queue is empty, so any one message fits) closes the
 *                           session with {@code 1008} and counts it as slow: a peer that does
 *                           not keep up can never make the server buffer without bound nor make
 *                           a sender wait.
 * @param idleTimeout        how long the session may wait for the peer while nothing at all
 *                           arrives from it. Default 5 minutes. Then it closes with
 *                           {@code 1001}. Any frame resets it, pongs included, so with
 *                           {@linkplain KeepAlive keep-alive pings} a live peer never idles out
 *                           and this only catches peers that stopped answering; without them,
 *                           it also closes silent peers.
 * @param closeTimeout       how long, after this side sent its close frame, the peer has to
 *                           answer with its own (and, after a protocol error, to end the
 *                           connection) before the connection is cut. Default 5 seconds.
 */
public record WebSocketLimits(int maxFrameBytes, long maxMessageBytes, int outboundQueueBytes,
                              Duration idleTimeout, Duration closeTimeout) {

    /** 1 MiB frames and messages, a 1 MiB outbound queue, 5 minutes idle, 5 seconds to close. */
    public static final WebSocketLimits DEFAULTS = new WebSocketLimits(1 << 20, 1L << 20, 1 << 20,
            Duration.ofMinutes(5), Duration.ofSeconds(5));

    /** Validates every limit. */
    public WebSocketLimits {
        requirePositive(maxFrameBytes, "maxFrameBytes");
        requirePositive(maxMessageBytes, "maxMessageBytes");
        requirePositive(outboundQueueBytes, "outboundQueueBytes");
        if (maxFrameBytes > maxMessageBytes) {
            throw new IllegalArgumentException("maxFrameBytes (" + maxFrameBytes
                    + ") must not exceed maxMessageBytes (" + maxMessageBytes + ")");
        }
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(closeTimeout, "closeTimeout");
    }

    static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    /** Fails unless {@code value} is present and longer than zero (the engine's one check). */
    static void requirePositive(Duration value, String name) {
        DurationChecks.requirePositive(value, name);
    }
}
