package dev.weft.core.limit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The limits {@link PerAddressAdmission} applies to each client IP address; each is optional,
 * and an absent one is simply not enforced.
 *
 * @param newConnectionRate        how fast one address may open connections (token bucket);
 *                                 default none
 * @param maxConcurrentConnections how many connections one address may hold open at once;
 *                                 default none. Keeps one client from taking the whole
 *                                 {@code maxConnections} budget; note that clients behind one
 *                                 NAT share an address
 * @param maxTrackedAddresses      the most addresses whose rate is tracked at once (see
 *                                 {@link KeyedRateLimiter}); default 100,000
 */
public record AddressLimits(Optional<RateLimit> newConnectionRate, OptionalInt maxConcurrentConnections,
                            int maxTrackedAddresses) {

    /** Validates every component. */
    public AddressLimits {
        Objects.requireNonNull(newConnectionRate, "newConnectionRate");
        Objects.requireNonNull(maxConcurrentConnections, "maxConcurrentConnections");
        if (maxConcurrentConnections.isPresent() && maxConcurrentConnections.getAsInt() <= 0) {
            throw new IllegalArgumentException("maxConcurrentConnections must be > 0: "
                    + maxConcurrentConnections.getAsInt());
        }
        if (maxTrackedAddresses <= 0) {
            throw new IllegalArgumentException("maxTrackedAddresses must be > 0: " + maxTrackedAddresses);
        }
    }

    /** {@return no limit enforced yet; add some with the {@code with...} methods} */
    public static AddressLimits none() {
        return new AddressLimits(Optional.empty(), OptionalInt.empty(), 100_000);
    }

    /**
     * A copy limiting new connections per address to {@code rate}.
     *
     * @param rate the rate and burst of new connections allowed per address, not null
     * @return the changed copy
     */
    public AddressLimits withNewConnectionRate(RateLimit rate) {
        return new AddressLimits(Optional.of(rate), maxConcurrentConnections, maxTrackedAddresses);
    }

    /**
     * A copy limiting each address to {@code max} concurrent connections.
     *
     * @param max the most connections open at once per address, &gt; 0
     * @return the changed copy
     */
    public AddressLimits withMaxConcurrentConnections(int max) {
        return new AddressLimits(newConnectionRate, OptionalInt.of(max), maxTrackedAddresses);
    }

    /**
     * A copy with {@link #maxTrackedAddresses()} changed.
     *
     * @param max the most addresses tracked at once, &gt; 0
     * @return the changed copy
     */
    public AddressLimits withMaxTrackedAddresses(int max) {
        return new AddressLimits(newConnectionRate, maxConcurrentConnections, max);
    }
}
