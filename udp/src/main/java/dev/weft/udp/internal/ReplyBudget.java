package dev.weft.udp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket: at most {@code perSecond} replies a second, in bursts of at most
 * {@code perSecond}. The relay spends it on error replies to addresses that are not peers, so a
 * flood of small datagrams with forged source addresses cannot turn it into an amplifier that
 * sends larger answers to a victim.
 */
public final class ReplyBudget {

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final int perSecond;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private Instant refilledAt;

    /**
     * @param perSecond the sustained rate and the burst size
     * @param now       the current time; the bucket starts full
     */
    public ReplyBudget(int perSecond, Instant now) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.refilledAt = now;
    }

    /** Takes one reply from the budget if there is one left at {@code now}. */
    public boolean tryTake(Instant now) {
        lock.lock();
        try {
            if (now.isAfter(refilledAt)) {
                double elapsedSeconds = (double) Duration.between(refilledAt, now).toNanos() / NANOS_PER_SECOND;
                tokens = Math.min(perSecond, tokens + elapsedSeconds * perSecond);
                refilledAt = now;
            }
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        } finally {
            lock.unlock();
        }
    }
}
