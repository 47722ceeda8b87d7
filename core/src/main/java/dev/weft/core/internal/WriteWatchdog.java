package dev.weft.core.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose current write has waited longer than the write timeout.
 *
 * <p>Blocking socket writes have no timeout of their own: a peer that stops reading would hold
 * the writing thread forever. Rather than arm a timer per write (costly on the hot path), each
 * connection publishes when its current write started, and this one thread per server scans
 * them a few times per timeout. Closing the socket makes the blocked write fail at once.
 */
public final class WriteWatchdog implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WriteWatchdog.class);

    private final ServerContext server;
    private final long timeoutNanos;
    private final Duration period;
    private volatile boolean running = true;
    private volatile Thread thread;

    /** @param server the server whose connections to watch */
    public WriteWatchdog(ServerContext server) {
        this.server = server;
        Duration timeout = server.config().writeTimeout();
        this.timeoutNanos = timeout.toNanos();
        Duration quarter = timeout.dividedBy(4);
        Duration min = Duration.ofMillis(10);
        Duration max = Duration.ofSeconds(1);
        this.period = quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                // stop() interrupts to end the loop promptly; the flag decides.
                continue;
            }
            scan(System.nanoTime());
        }
    }

    /** Closes every connection whose write started more than the timeout before {@code now}. */
    void scan(long now) {
        for (SocketConnection connection : server.connections()) {
            long started = connection.writeStartedNanos();
            if (started != 0 && now - started > timeoutNanos && connection.isOpen()) {
                log.debug("{} closed: a write waited more than {}", connection,
                        server.config().writeTimeout());
                server.counters().writeTimeouts.increment();
                connection.close();
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
