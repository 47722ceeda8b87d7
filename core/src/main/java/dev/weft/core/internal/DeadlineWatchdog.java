package dev.weft.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces read and write timeouts for all connections of one server, from one thread.
 *
 * <p>A blocking read or write on a virtual thread that is given a time limit arms a timer each
 * time it has to wait — on a small request/response exchange the largest single cost, and a
 * scheduled task held by every idle connection. Instead, each connection publishes when its
 * current read or write started (two volatile writes per operation), and this thread scans the
 * live connections a few times per timeout. A connection whose read or write has waited too
 * long is marked and closed, which fails the blocked operation at once; the read then reports
 * a {@link java.net.SocketTimeoutException}.
 *
 * <p>Precision: a timeout fires between its nominal time and one scan period later. The period
 * is a quarter of the smallest timeout in use, clamped to 10 ms .. 1 s.
 */
public final class DeadlineWatchdog implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatchdog.class);
    private static final long MIN_PERIOD_NANOS = Duration.ofMillis(10).toNanos();
    private static final long MAX_PERIOD_NANOS = Duration.ofSeconds(1).toNanos();

    private final ServerContext server;
    private final long writeTimeoutNanos;
    private final AtomicLong periodNanos = new AtomicLong(MAX_PERIOD_NANOS);
    private volatile boolean running = true;
    private volatile Thread thread;

    /** @param server the server whose connections to watch */
    public DeadlineWatchdog(ServerContext server) {
        this.server = server;
        this.writeTimeoutNanos = server.config().writeTimeout().toNanos();
        tighten(server.config().writeTimeout());
        tighten(server.config().idleTimeout());
    }

    /** Makes sure the scan period suits a timeout as short as {@code timeout}. */
    public void tighten(Duration timeout) {
        long wanted = Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, timeout.toNanos() / 4));
        periodNanos.accumulateAndGet(wanted, Math::min);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            try {
                Thread.sleep(Duration.ofNanos(periodNanos.get()));
            } catch (InterruptedException e) {
                // stop() interrupts to end the loop promptly; the flag decides.
                continue;
            }
            scan(System.nanoTime());
        }
    }

    /** Closes every connection whose current read or write started too long before {@code now}. */
    void scan(long now) {
        for (SocketConnection connection : server.connections()) {
            long writeStarted = connection.writeStartedNanos();
            if (writeStarted != 0 && now - writeStarted > writeTimeoutNanos && connection.isOpen()) {
                log.debug("{} closed: a write waited more than {}", connection, server.config().writeTimeout());
                server.counters().writeTimeouts.increment();
                connection.close();
                continue;
            }
            long readStarted = connection.readStartedNanos();
            if (readStarted != 0 && now - readStarted > connection.readTimeoutNanos() && connection.isOpen()) {
                connection.expireRead();
            }
        }
    }

    /** Ends the loop. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
