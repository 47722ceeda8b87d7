package dev.weft.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Redis is and how long the bridge waits for it.
 *
 * @param uri                 {@code redis://[user:password@]host[:port][/database]}, or
 *                            {@code rediss://} for TLS; the port defaults to 6379. One Redis
 *                            server (or the primary Sentinel points at): not Redis Cluster, whose
 *                            key slots the presence scripts do not respect
 * @param connectTimeout      how long opening a connection may take; default 2 seconds. Shorter
 *                            notices a dead host sooner, too short fails on a busy network
 * @param commandTimeout      the longest a client's thread waits for Redis in
 *                            {@link RedisRoomBridge#claim}, {@code who} and
 *                            {@code history}, and the socket timeout of every command; default
 *                            1 second. When it passes, the call answers from local state (see
 *                            each method), so this bounds how long Redis can stall a client
 * @param reconnectMinDelay   the first pause before reconnecting after Redis was lost; default
 *                            100 ms. The pause doubles (with jitter) on each failed attempt
 * @param reconnectMaxDelay   the longest pause between reconnection attempts; default 5 seconds,
 *                            and so, once Redis is back, the longest it takes to notice
 */
public record RedisEndpoint(URI uri, Duration connectTimeout, Duration commandTimeout,
                            Duration reconnectMinDelay, Duration reconnectMaxDelay) {

    /** Validates every component. */
    public RedisEndpoint {
        Objects.requireNonNull(uri, "uri");
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("uri must be redis://host[:port] or rediss://host[:port]: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("uri must name a host: " + uri);
        }
        DurationChecks.requirePositive(connectTimeout, "connectTimeout");
        DurationChecks.requirePositive(commandTimeout, "commandTimeout");
        DurationChecks.requireMillisFitInt(connectTimeout, "connectTimeout");
        DurationChecks.requireMillisFitInt(commandTimeout, "commandTimeout");
        DurationChecks.requirePositive(reconnectMinDelay, "reconnectMinDelay");
        DurationChecks.requirePositive(reconnectMaxDelay, "reconnectMaxDelay");
        if (reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay (" + reconnectMaxDelay
                    + ") must not be shorter than reconnectMinDelay (" + reconnectMinDelay + ")");
        }
    }

    /**
     * The documented defaults for Redis at {@code uri}.
     *
     * @param uri where Redis is
     * @return the endpoint
     */
    public static RedisEndpoint of(URI uri) {
        return new RedisEndpoint(uri, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /**
     * The documented defaults for Redis at {@code uri}, e.g. {@code redis://127.0.0.1:6379}.
     *
     * @param uri where Redis is
     * @return the endpoint
     * @throws IllegalArgumentException if {@code uri} is not a URI
     */
    public static RedisEndpoint of(String uri) {
        return of(URI.create(uri));
    }

    /**
     * The port of {@link #uri()}.
     *
     * @return the port, 6379 when the URI names none
     */
    public int port() {
        return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    /**
     * {@link #uri()} without its password, for logs and metrics.
     *
     * @return {@code scheme://host:port[/database]}
     */
    public String redactedUri() {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + ":" + port() + path;
    }

    /**
     * A copy with {@link #connectTimeout()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RedisEndpoint withConnectTimeout(Duration value) {
        return new RedisEndpoint(uri, value, commandTimeout, reconnectMinDelay, reconnectMaxDelay);
    }

    /**
     * A copy with {@link #commandTimeout()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RedisEndpoint withCommandTimeout(Duration value) {
        return new RedisEndpoint(uri, connectTimeout, value, reconnectMinDelay, reconnectMaxDelay);
    }

    /**
     * A copy with both reconnection delays changed.
     *
     * @param min the new {@link #reconnectMinDelay()}
     * @param max the new {@link #reconnectMaxDelay()}
     * @return the copy
     */
    public RedisEndpoint withReconnectDelays(Duration min, Duration max) {
        return new RedisEndpoint(uri, connectTimeout, commandTimeout, min, max);
    }
}
