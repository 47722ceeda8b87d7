package dev.weft.http.internal.h2;

import dev.weft.http.Http2Metrics;
import java.util.concurrent.atomic.LongAdder;

/** The HTTP/2 counters of one server, shared by its connections; see {@link Http2Metrics}. */
public final class H2Counters {

    /** Counters all at zero. */
    public H2Counters() {
    }

    final LongAdder connections = new LongAdder();
    final LongAdder streams = new LongAdder();
    final LongAdder refusedStreams = new LongAdder();
    final LongAdder clientResets = new LongAdder();
    final LongAdder streamErrors = new LongAdder();
    final LongAdder streamWriteTimeouts = new LongAdder();
    final LongAdder headerListsTooLarge = new LongAdder();
    final LongAdder connectionErrors = new LongAdder();
    final LongAdder rapidResets = new LongAdder();
    final LongAdder headerBlockFloods = new LongAdder();
    final LongAdder controlFrameFloods = new LongAdder();
    final LongAdder emptyFrameFloods = new LongAdder();
    final LongAdder unreadAnswers = new LongAdder();
    final LongAdder idleTimeouts = new LongAdder();
    final LongAdder settingsTimeouts = new LongAdder();

    /**
     * A snapshot of every counter, with the two gauges given.
     *
     * @param openConnections the HTTP/2 connections open now
     * @param openStreams     the streams holding a slot now
     * @return the snapshot
     */
    public Http2Metrics snapshot(long openConnections, long openStreams) {
        return new Http2Metrics(connections.sum(), openConnections, streams.sum(), openStreams, refusedStreams.sum(),
                clientResets.sum(), streamErrors.sum(), streamWriteTimeouts.sum(), headerListsTooLarge.sum(),
                connectionErrors.sum(), idleTimeouts.sum(), settingsTimeouts.sum(),
                new Http2Metrics.Floods(rapidResets.sum(), headerBlockFloods.sum(), controlFrameFloods.sum(),
                        emptyFrameFloods.sum(), unreadAnswers.sum()));
    }
}
