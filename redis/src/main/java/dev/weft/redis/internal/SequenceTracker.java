package dev.weft.redis.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a receiver has delivered of each publisher in each room, to deliver every message once
 * and in order, and to count what never came (see {@link Stamp} for the numbering).
 *
 * <p>{@link #check} is called by the one receiving thread; {@link #forgetRoom} by any. Memory is
 * one entry per publisher per subscribed room: a room's entries go when the instance unsubscribes
 * from it, a publisher's when it stops or is lost.
 */
public final class SequenceTracker {

    /** {@link #check}'s answer for a message delivered already. */
    public static final long DUPLICATE = -1;

    private final ConcurrentHashMap<String, Map<String, long[]>> rooms = new ConcurrentHashMap<>();

    /**
     * Records {@code stamp} as delivered in {@code room} unless it was already.
     *
     * @return {@link #DUPLICATE}, or how many of the publisher's messages in the room were skipped
     *         since the last one delivered (0 when in order, or for a publisher's first message or
     *         new run)
     */
    public long check(String room, Stamp stamp) {
        Map<String, long[]> publishers = rooms.computeIfAbsent(room, r -> new HashMap<>());
        long[] last = publishers.get(stamp.publisher());
        if (last == null) {
            publishers.put(stamp.publisher(), new long[] {stamp.run(), stamp.seq()});
            return 0;
        }
        if (stamp.run() < last[0] || (stamp.run() == last[0] && stamp.seq() <= last[1])) {
            return DUPLICATE;
        }
        long missing = stamp.run() == last[0] ? stamp.seq() - last[1] - 1 : 0;
        last[0] = stamp.run();
        last[1] = stamp.seq();
        return missing;
    }

    /** Forgets {@code room}: the instance no longer listens to it. */
    public void forgetRoom(String room) {
        rooms.remove(room);
    }

    /** Forgets {@code publisher} in {@code room}: it stopped, or was lost. Receiving thread only. */
    public void forgetPublisher(String room, String publisher) {
        Map<String, long[]> publishers = rooms.get(room);
        if (publishers != null) {
            publishers.remove(publisher);
        }
    }
}
