package dev.weft.udp;

import static dev.weft.udp.ConfigChecks.requirePositive;

import java.time.Duration;

/**
 * The limits and timings of a {@link UdpRelay}. Every limit has a safe default (see {@link
 * #builder()}), is validated here once, and exceeding it is answered with an {@code ERR} line
 * and counted in {@link RelayMetrics}. The limits of the rooms themselves — how many, how full,
 * how long a name — are the shared {@link dev.weft.core.rooms.RoomsConfig}'s, the same for every
 * protocol.
 *
 * @param idleTimeout          how long a peer may stay silent before it expires; default 60
 *                             seconds. Any command from the peer, {@code PING} included, counts
 *                             as a sign of life, so clients send {@code PING} more often than
 *                             this. Shorter frees the slots of vanished peers sooner; longer
 *                             spares keep-alive traffic
 * @param sweepInterval        how often expired peers are looked for; default 5 seconds. A peer
 *                             expires between {@code idleTimeout} and {@code idleTimeout +
 *                             sweepInterval} after its last datagram
 * @param maxPeers             the most peers joined at once; default 10,000. A {@code JOIN} from
 *                             a new address over it gets {@code ERR server full (max N peers)} and
 *                             is counted in {@link RelayMetrics#rejectedServerFull()}. Each peer
 *                             costs a table entry, a room membership and a registry entry
 * @param maxExpiredRemembered how many expired peers' addresses are remembered, so that a peer
 *                             coming back after expiry is told {@code EXPIRED} rather than
 *                             {@code ERR not joined}; default 10,000, the oldest forgotten first
 * @param maxErrorRepliesPerSecond how many {@code ERR} and {@code EXPIRED} replies a second the
 *                             relay sends to addresses that are not peers (peers always get theirs);
 *                             default 200, with bursts of as many. UDP source addresses can be
 *                             forged, and an error reply is often longer than the datagram that
 *                             caused it: without this bound the relay could be used to flood a
 *                             victim. Replies over the budget are not sent and are counted in
 *                             {@link RelayMetrics#errorRepliesWithheld()}
 */
public record RelayConfig(Duration idleTimeout, Duration sweepInterval, int maxPeers, int maxExpiredRemembered,
                          int maxErrorRepliesPerSecond) {

    /** The defaults documented on each component. */
    public static final RelayConfig DEFAULTS = builder().build();

    /** Validates every component. */
    public RelayConfig {
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(sweepInterval, "sweepInterval");
        requirePositive(maxPeers, "maxPeers");
        requirePositive(maxExpiredRemembered, "maxExpiredRemembered");
        requirePositive(maxErrorRepliesPerSecond, "maxErrorRepliesPerSecond");
    }

    /** {@return a builder holding the defaults documented on each component} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from this configuration} */
    public Builder toBuilder() {
        return new Builder().idleTimeout(idleTimeout).sweepInterval(sweepInterval).maxPeers(maxPeers)
                .maxExpiredRemembered(maxExpiredRemembered).maxErrorRepliesPerSecond(maxErrorRepliesPerSecond);
    }

    /** Builds a {@link RelayConfig}; starts from the documented defaults. */
    public static final class Builder {
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration sweepInterval = Duration.ofSeconds(5);
        private int maxPeers = 10_000;
        private int maxExpiredRemembered = 10_000;
        private int maxErrorRepliesPerSecond = 200;

        private Builder() {
        }

        /**
         * Sets how long a peer may stay silent; see {@link RelayConfig#idleTimeout()}.
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /**
         * Sets how often expired peers are looked for; see {@link RelayConfig#sweepInterval()}.
         *
         * @param value the interval, positive
         * @return this builder
         */
        public Builder sweepInterval(Duration value) {
            sweepInterval = value;
            return this;
        }

        /**
         * Sets the most peers joined at once; see {@link RelayConfig#maxPeers()}.
         *
         * @param value the limit, &gt; 0
         * @return this builder
         */
        public Builder maxPeers(int value) {
            maxPeers = value;
            return this;
        }

        /**
         * Sets how many expired peers are remembered; see {@link RelayConfig#maxExpiredRemembered()}.
         *
         * @param value the limit, &gt; 0
         * @return this builder
         */
        public Builder maxExpiredRemembered(int value) {
            maxExpiredRemembered = value;
            return this;
        }

        /**
         * Sets the budget of error replies to non-peers; see {@link RelayConfig#maxErrorRepliesPerSecond()}.
         *
         * @param value the replies per second (and the burst), &gt; 0
         * @return this builder
         */
        public Builder maxErrorRepliesPerSecond(int value) {
            maxErrorRepliesPerSecond = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a value is not positive
         */
        public RelayConfig build() {
            return new RelayConfig(idleTimeout, sweepInterval, maxPeers, maxExpiredRemembered, maxErrorRepliesPerSecond);
        }
    }
}
