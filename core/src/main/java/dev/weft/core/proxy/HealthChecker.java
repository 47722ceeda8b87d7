package dev.weft.core.proxy;

import dev.weft.core.ServerScope;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active health checks: one thread of the proxy's server that, every interval, opens and closes a connection
 * to each backend (a connect probe, bounded by the connect timeout), marking it down when the
 * probe fails and up again when one succeeds. A connect probe proves the backend accepts
 * connections, not that it answers correctly: that is the trade-off for staying
 * protocol-agnostic.
 */
public final class HealthChecker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthChecker.class);

    private final List<Backend> backends;
    private final Duration interval;
    private final Duration probeTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopping = lock.newCondition();
    private boolean stopped;
    private Thread thread;

    /**
     * A checker not started yet.
     *
     * @param backends     the backends to probe
     * @param interval     the pause between two rounds of probes
     * @param probeTimeout the longest one connect probe may take
     */
    public HealthChecker(List<Backend> backends, Duration interval, Duration probeTimeout) {
        this.backends = List.copyOf(backends);
        this.interval = interval;
        this.probeTimeout = probeTimeout;
    }

    /**
     * Starts probing on a thread of {@code scope}'s server, which awaits it when it stops; the
     * first round runs after one interval.
     *
     * @param scope the server whose thread runs the probes
     * @return this checker
     */
    public HealthChecker start(ServerScope scope) {
        lock.lock();
        try {
            if (thread == null && !stopped) {
                thread = scope.startThread(scope.serverName() + "-health-check", this::loop);
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** Probes every backend once, now, and updates its health. */
    public void probeAll() {
        for (Backend backend : backends) {
            probe(backend);
        }
    }

    private void probe(Backend backend) {
        try (SocketChannel ignored = Dialer.connect(backend.address(), probeTimeout)) {
            backend.healthy(true, "connect probe succeeded");
        } catch (IOException e) {
            log.debug("probe of {} failed: {}", backend.address(), e.toString());
            backend.healthy(false, "connect probe failed: " + e.getMessage());
        }
    }

    private void loop() {
        while (awaitInterval()) {
            probeAll();
        }
    }

    /** Waits one interval; false when stopped meanwhile. */
    private boolean awaitInterval() {
        lock.lock();
        try {
            long remaining = interval.toNanos();
            while (!stopped && remaining > 0) {
                remaining = stopping.awaitNanos(remaining);
            }
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops probing and waits for the thread to end. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            stopping.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(1) + probeTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
