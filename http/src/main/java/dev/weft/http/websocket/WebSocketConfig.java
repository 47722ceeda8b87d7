package dev.weft.http.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a WebSocket route accepts and runs sessions.
 *
 * @param limits            sizes and timeouts; default {@link WebSocketLimits#DEFAULTS}
 * @param keepAlive         keep-alive pings, or none; default {@link KeepAlive#DEFAULTS}
 * @param origins           which pages may open a session; default
 *                          {@link OriginPolicy#sameOrigin()}, so another site's page cannot
 *                          open one with the user's cookies
 * @param subprotocols      the subprotocols the endpoint speaks, most preferred first; the
 *                          handshake selects the first of them the client offers, never one the
 *                          endpoint did not declare, and proceeds without a subprotocol when
 *                          none matches (the client then decides). Default: none.
 * @param permessageDeflate whether to accept {@code permessage-deflate} (RFC 7692) when the
 *                          client offers it, as every browser does. Default {@code false}:
 *                          compression saves bandwidth on text at the price of CPU and of
 *                          about 300 KiB of native zlib memory per compressing session (a
 *                          deflater and an inflater, created on first use, released at close),
 *                          which matters at tens of thousands of sessions. The JDK's deflater
 *                          always uses a 32 KiB window, so an offer that requires a smaller
 *                          server window ({@code server_max_window_bits} below 15) is declined
 *                          and the next offer considered.
 */
public record WebSocketConfig(WebSocketLimits limits, Optional<KeepAlive> keepAlive, OriginPolicy origins,
                              List<String> subprotocols, boolean permessageDeflate) {

    /** Every default: see the components. */
    public static final WebSocketConfig DEFAULTS = builder().build();

    /** Validates the components; subprotocols must be distinct tokens. */
    public WebSocketConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(origins, "origins");
        subprotocols = List.copyOf(subprotocols);
        for (String protocol : subprotocols) {
            if (protocol.isEmpty() || !protocol.chars().allMatch(WebSocketConfig::isTokenChar)) {
                throw new IllegalArgumentException("subprotocol must be a token: '" + protocol + "'");
            }
        }
        if (subprotocols.stream().distinct().count() != subprotocols.size()) {
            throw new IllegalArgumentException("subprotocols declared twice: " + subprotocols);
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFrameBytes = limits.maxFrameBytes();
        b.maxMessageBytes = limits.maxMessageBytes();
        b.outboundQueueBytes = limits.outboundQueueBytes();
        b.idleTimeout = limits.idleTimeout();
        b.closeTimeout = limits.closeTimeout();
        b.keepAlive = keepAlive;
        b.origins = origins;
        b.subprotocols = subprotocols;
        b.permessageDeflate = permessageDeflate;
        return b;
    }

    /** Builds a {@link WebSocketConfig} with flat setters; not thread-safe. */
    public static final class Builder {
        private int maxFrameBytes = WebSocketLimits.DEFAULTS.maxFrameBytes();
        private long maxMessageBytes = WebSocketLimits.DEFAULTS.maxMessageBytes();
        private int outboundQueueBytes = WebSocketLimits.DEFAULTS.outboundQueueBytes();
        private Duration idleTimeout = WebSocketLimits.DEFAULTS.idleTimeout();
        private Duration closeTimeout = WebSocketLimits.DEFAULTS.closeTimeout();
        private Optional<KeepAlive> keepAlive = Optional.of(KeepAlive.DEFAULTS);
        private OriginPolicy origins = OriginPolicy.sameOrigin();
        private List<String> subprotocols = List.of();
        private boolean permessageDeflate;

        private Builder() {
        }

        /**
         * See {@link WebSocketLimits#maxFrameBytes()}.
         *
         * @param bytes the limit, in bytes
         * @return this builder
         */
        public Builder maxFrameBytes(int bytes) {
            this.maxFrameBytes = bytes;
            return this;
        }

        /**
         * See {@link WebSocketLimits#maxMessageBytes()}.
         *
         * @param bytes the limit, in bytes
         * @return this builder
         */
        public Builder maxMessageBytes(long bytes) {
            this.maxMessageBytes = bytes;
            return this;
        }

        /**
         * Sets both {@link WebSocketLimits#maxMessageBytes()} and
         * {@link WebSocketLimits#maxFrameBytes()} (the frame limit capped at 2 GiB - 1).
         *
         * @param bytes the limit, in bytes
         * @return this builder
         */
        public Builder maxMessageAndFrameBytes(long bytes) {
            this.maxMessageBytes = bytes;
            this.maxFrameBytes = (int) Math.min(bytes, Integer.MAX_VALUE);
            return this;
        }

        /**
         * See {@link WebSocketLimits#outboundQueueBytes()}.
         *
         * @param bytes the bound, in bytes
         * @return this builder
         */
        public Builder outboundQueueBytes(int bytes) {
            this.outboundQueueBytes = bytes;
            return this;
        }

        /**
         * See {@link WebSocketLimits#idleTimeout()}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * See {@link WebSocketLimits#closeTimeout()}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * Keep-alive pings with these timings; see {@link KeepAlive}.
         *
         * @param pingInterval how long the line may stay silent before a ping
         * @param pongDeadline how long the peer has to answer
         * @return this builder
         */
        public Builder keepAlive(Duration pingInterval, Duration pongDeadline) {
            this.keepAlive = Optional.of(new KeepAlive(pingInterval, pongDeadline));
            return this;
        }

        /**
         * No keep-alive pings: only the idle timeout notices a vanished peer.
         *
         * @return this builder
         */
        public Builder noKeepAlive() {
            this.keepAlive = Optional.empty();
            return this;
        }

        /**
         * See {@link WebSocketConfig#origins()}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder origins(OriginPolicy policy) {
            this.origins = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * See {@link WebSocketConfig#subprotocols()}.
         *
         * @param protocols the subprotocols, most preferred first
         * @return this builder
         */
        public Builder subprotocols(String... protocols) {
            this.subprotocols = List.of(protocols);
            return this;
        }

        /**
         * See {@link WebSocketConfig#permessageDeflate()}.
         *
         * @param enabled whether to negotiate it
         * @return this builder
         */
        public Builder permessageDeflate(boolean enabled) {
            this.permessageDeflate = enabled;
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a limit is out of range
         */
        public WebSocketConfig build() {
            return new WebSocketConfig(new WebSocketLimits(maxFrameBytes, maxMessageBytes, outboundQueueBytes,
                    idleTimeout, closeTimeout), keepAlive, origins, subprotocols, permessageDeflate);
        }
    }
}
