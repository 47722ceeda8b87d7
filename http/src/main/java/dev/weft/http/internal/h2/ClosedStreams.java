package dev.weft.http.internal.h2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently closed streams of a connection and how each closed, so that a late frame
 * gets the answer RFC 9113 section 5.1 gives it: ignored after the server reset the stream
 * (the frame may have crossed the reset), {@code STREAM_CLOSED} otherwise. Bounded: older
 * streams are forgotten, and a late frame for one is treated as for a stream closed normally.
 */
final class ClosedStreams {

    /** How a stream closed. */
    enum How { ENDED, RESET_BY_PEER, RESET_BY_US }

    private final Map<Integer, How> recent;

    ClosedStreams(int capacity) {
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, How> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records how {@code streamId} closed. */
    void closed(int streamId, How how) {
        recent.put(streamId, how);
    }

    /** How {@code streamId} closed, or null when it is not remembered. */
    How how(int streamId) {
        return recent.get(streamId);
    }
}
