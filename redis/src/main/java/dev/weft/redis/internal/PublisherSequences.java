package dev.weft.redis.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The publishing side of {@link Stamp}: the next {@code (run, seq)} for each room, owned by the
 * one publisher thread. At most {@link #MAX_ROOMS} rooms are remembered; the least recently used
 * is forgotten beyond that, and its next message starts a new run — a higher run number than any
 * used before, so receivers never take it for a duplicate.
 */
public final class PublisherSequences {

    /** How many rooms' counters are kept. */
    public static final int MAX_ROOMS = 10_000;

    private final Map<String, long[]> rooms = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_ROOMS;
        }
    };
    private long lastRun;

    /** Stamps the next message of this publisher in {@code room}. */
    public Stamp next(String publisher, String room, long sentAtMicros) {
        long[] position = rooms.get(room);
        if (position == null) {
            position = new long[] {++lastRun, 0};
            rooms.put(room, position);
        }
        position[1]++;
        return new Stamp(publisher, position[0], position[1], sentAtMicros);
    }
}
