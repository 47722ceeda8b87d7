package dev.weft.redis;

import java.time.Duration;

/**
 * How presence is kept alive: every instance refreshes a heartbeat key every
 * {@code heartbeatInterval}; the key expires {@code ttl} after the last refresh, and an instance
 * whose key has expired is lost — a survivor removes its members from every room and announces
 * their leave.
 *
 * @param heartbeatInterval how often an instance refreshes its heartbeat and looks for lost
 *                          instances; default 2 seconds
 * @param ttl               how long a heartbeat stays valid; default 10 seconds, and at least
 *                          twice the interval so one late beat does not lose a live instance.
 *                          Shorter announces a dead instance's members sooner; too short loses a
 *                          live but stalled instance (it then claims its members back and
 *                          announces them again)
 */
public record PresenceTiming(Duration heartbeatInterval, Duration ttl) {

    /** Heartbeats every 2 seconds, valid for 10. */
    public static final PresenceTiming DEFAULTS = new PresenceTiming(Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** Validates both components and that {@code ttl} is at least twice {@code heartbeatInterval}. */
    public PresenceTiming {
        DurationChecks.requirePositive(heartbeatInterval, "heartbeatInterval");
        DurationChecks.requirePositive(ttl, "ttl");
        if (ttl.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ttl (" + ttl + ") must be at least twice heartbeatInterval ("
                    + heartbeatInterval + ")");
        }
    }

    /**
     * The longest time from an instance's death until survivors have removed its members and
     * announced their leave: its last heartbeat expires after {@code ttl}, and a survivor looks
     * at most {@code heartbeatInterval} later.
     *
     * @return {@code ttl + heartbeatInterval}
     */
    public Duration lostInstanceBound() {
        return ttl.plus(heartbeatInterval);
    }
}
