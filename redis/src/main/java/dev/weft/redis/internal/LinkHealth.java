package dev.weft.redis.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is reachable, from what the bridge's threads see of their own connections, and
 * the one place that says so in the log: one WARN when the bridge loses Redis (whichever
 * connection notices first), one INFO when every connection is back, with the outage's length,
 * and each recovery counted. A loss seen by one connection counts against all of them: each is
 * up again only after it next worked, so a connection that slept through a Redis restart is not
 * taken for live.
 */
public final class LinkHealth {

    private static final Logger log = LoggerFactory.getLogger(LinkHealth.class);

    private final String redis;
    private final String instance;
    private final Runnable wakeRetries;
    private final ReentrantLock lock = new ReentrantLock();
    private final EnumSet<Link> up = EnumSet.noneOf(Link.class);
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean allUp;
    private boolean everConnected;
    private boolean lossReported;
    private long lostAtNanos;

    /**
     * @param redis       the Redis URI without password, for the log
     * @param instance    this instance's id, for the log
     * @param wakeRetries called when one connection is up while others are not: they may stop
     *                    waiting out their back-off (see {@link Lifecycle#wakeRetries()})
     */
    public LinkHealth(String redis, String instance, Runnable wakeRetries) {
        this.redis = redis;
        this.instance = instance;
        this.wakeRetries = wakeRetries;
    }

    /** Whether every connection is up. */
    public boolean allUp() {
        return allUp;
    }

    /** Recoveries after a loss (the first connection is not one). */
    public long reconnects() {
        return reconnects.get();
    }

    /** {@code link}'s connection works. */
    public void up(Link link) {
        String info = null;
        boolean othersDown;
        lock.lock();
        try {
            boolean wasUp = !up.add(link);
            othersDown = !wasUp && up.size() < Link.values().length;
            if (up.size() == Link.values().length && !allUp) {
                allUp = true;
                if (!everConnected) {
                    info = "connected to Redis at " + redis;
                } else if (lossReported) {
                    reconnects.incrementAndGet();
                    info = "reconnected to Redis at " + redis + " after " + (System.nanoTime() - lostAtNanos) / 1_000_000
                            + " ms: resubscribed, presence re-asserted; cross-instance rooms resume";
                }
                lossReported = false;
                everConnected = true;
            }
        } finally {
            lock.unlock();
        }
        if (othersDown) {
            wakeRetries.run();
        }
        if (info != null) {
            log.info("{} {}", instance, info);
        }
    }

    /** {@code link}'s connection failed or could not be opened. */
    public void down(Link link, Exception cause) {
        boolean report;
        lock.lock();
        try {
            // One connection failing means Redis may be gone for all: each must prove itself again.
            up.clear();
            allUp = false;
            report = !lossReported;
            if (report) {
                lossReported = true;
                lostAtNanos = System.nanoTime();
            }
        } finally {
            lock.unlock();
        }
        if (report) {
            log.warn("{} {} Redis at {} ({} connection: {}); local rooms keep working, reconnecting with back-off",
                    instance, everConnected ? "lost" : "cannot reach", redis, link.name().toLowerCase(Locale.ROOT),
                    cause.toString());
        } else {
            log.debug("{} {} connection to Redis down: {}", instance, link, cause.toString());
        }
    }
}
