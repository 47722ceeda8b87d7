package dev.weft.core.limit;

import dev.weft.core.ConnectionAdmission;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link ConnectionAdmission} that limits, per client IP address, how fast new connections
 * may be opened and how many may be open at once (see {@link AddressLimits}). Install it with
 * {@code TcpServerConfig.builder().admission(new PerAddressAdmission(limits))}.
 *
 * <p>The concurrency limit is checked first; a connection refused by it takes no token from
 * the rate limit. Memory: the concurrent-connection table holds only addresses with open
 * connections (so it is bounded by the server's {@code maxConnections}); the rate table is
 * bounded by {@link AddressLimits#maxTrackedAddresses()}.
 */
public final class PerAddressAdmission implements ConnectionAdmission {

    private final AddressLimits limits;
    private final Optional<KeyedRateLimiter<InetAddress>> rates;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final LongAdder admitted = new LongAdder();
    private final LongAdder refusedByRate = new LongAdder();
    private final LongAdder refusedByConcurrency = new LongAdder();

    /**
     * Enforces {@code limits}, reading the time from {@code clock}.
     *
     * @param limits the limits
     * @param clock  the clock of the rate limit, {@link NanoClock#system()} outside tests
     */
    public PerAddressAdmission(AddressLimits limits, NanoClock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.rates = limits.newConnectionRate()
                .map(rate -> new KeyedRateLimiter<>(rate, limits.maxTrackedAddresses(), clock));
    }

    /**
     * Enforces {@code limits} on the system clock.
     *
     * @param limits the limits per address
     */
    public PerAddressAdmission(AddressLimits limits) {
        this(limits, NanoClock.system());
    }

    @Override
    public boolean admit(InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        if (limits.maxConcurrentConnections().isPresent() && !reserve(address)) {
            refusedByConcurrency.increment();
            return false;
        }
        if (rates.isPresent() && !rates.get().tryAcquire(address).allowed()) {
            unreserve(address);
            refusedByRate.increment();
            return false;
        }
        admitted.increment();
        return true;
    }

    @Override
    public void release(InetSocketAddress remote) {
        unreserve(remote.getAddress());
    }

    /** Takes one of the address's concurrent slots; false when it has none left. */
    private boolean reserve(InetAddress address) {
        int max = limits.maxConcurrentConnections().getAsInt();
        boolean[] reserved = new boolean[1];
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= max) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        return reserved[0];
    }

    private void unreserve(InetAddress address) {
        if (limits.maxConcurrentConnections().isPresent()) {
            open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    /**
     * How many admitted connections from {@code address} are open now (0 without a concurrency limit).
     *
     * @param address the peer's IP address
     * @return the number of open connections from it
     */
    public int openConnections(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    /** {@return a snapshot of the counters} */
    public AdmissionMetrics metrics() {
        return new AdmissionMetrics(admitted.sum(), refusedByRate.sum(), refusedByConcurrency.sum(), open.size());
    }

    @Override
    public String toString() {
        return "per-address " + limits;
    }
}
