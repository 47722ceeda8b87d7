package dev.weft.core.proxy;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backend of a {@link TcpProxy}: its address, whether it is believed alive, and its
 * counters. Health is changed by the {@link HealthChecker} (both ways) and by a failed connect
 * (down only); every change is logged at INFO.
 */
public final class Backend {

    private static final Logger log = LoggerFactory.getLogger(Backend.class);

    private final InetSocketAddress address;
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder connections = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder bytesToBackend = new LongAdder();
    private final LongAdder bytesFromBackend = new LongAdder();
    private volatile boolean healthy = true;

    /**
     * A backend at {@code address}, initially believed healthy.
     *
     * @param address the backend's address, not null
     */
    public Backend(InetSocketAddress address) {
        this.address = Objects.requireNonNull(address, "address");
    }

    /** {@return the backend's address} */
    public InetSocketAddress address() {
        return address;
    }

    /** {@return whether it is believed alive} */
    public boolean healthy() {
        return healthy;
    }

    /** {@return how many client connections are paired with it right now} */
    public int activeConnections() {
        return active.get();
    }

    /** {@return a snapshot of its state and counters} */
    public BackendMetrics metrics() {
        return new BackendMetrics(address, healthy, active.get(), connections.sum(),
                connectFailures.sum(), bytesToBackend.sum(), bytesFromBackend.sum());
    }

    void healthy(boolean alive, String reason) {
        if (healthy != alive) {
            healthy = alive;
            log.info("backend {} is {}: {}", address, alive ? "up" : "down", reason);
        }
    }

    void connected() {
        active.incrementAndGet();
        connections.increment();
    }

    void disconnected() {
        active.decrementAndGet();
    }

    void connectFailed() {
        connectFailures.increment();
    }

    void sentToBackend(int bytes) {
        bytesToBackend.add(bytes);
    }

    void receivedFromBackend(int bytes) {
        bytesFromBackend.add(bytes);
    }

    @Override
    public String toString() {
        return "backend[" + address + (healthy ? "" : ", down") + "]";
    }
}
