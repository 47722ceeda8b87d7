package dev.weft.http.internal.h2;

import dev.weft.http.Http2Limits;

/**
 * Counts events in fixed windows and says when a window holds more than its rate allows. One per
 * kind of event per connection, used by the frame reader's thread only.
 */
final class RateWindow {

    private final int maxEvents;
    private final long windowNanos;
    private long windowStart;
    private int events;

    RateWindow(Http2Limits.Rate rate, long nowNanos) {
        this.maxEvents = rate.events();
        this.windowNanos = rate.per().toNanos();
        this.windowStart = nowNanos;
    }

    /** Records one event; returns false when it is one too many for the current window. */
    boolean admit(long nowNanos) {
        if (nowNanos - windowStart >= windowNanos) {
            windowStart = nowNanos;
            events = 0;
        }
        events++;
        return events <= maxEvents;
    }

    /** The most events per window. */
    int maxEvents() {
        return maxEvents;
    }
}
