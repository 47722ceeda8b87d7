package dev.weft.redis.internal;

import java.util.concurrent.atomic.LongAdder;

/** The bridge's counters, added to by its threads and the client threads. */
public final class BridgeCounters {

    /** Messages published to Redis. */
    public final LongAdder published = new LongAdder();
    /** Messages from other instances delivered. */
    public final LongAdder received = new LongAdder();
    /** Messages of this instance never published. */
    public final LongAdder dropped = new LongAdder();
    /** Messages from other instances discarded as already delivered. */
    public final LongAdder duplicates = new LongAdder();
    /** Messages from other instances that never arrived (sequence gaps). */
    public final LongAdder missing = new LongAdder();
    /** Messages that did not decode. */
    public final LongAdder malformed = new LongAdder();
    /** Client calls Redis did not answer in time. */
    public final LongAdder commandTimeouts = new LongAdder();
    /** Client calls answered without asking Redis. */
    public final LongAdder unverified = new LongAdder();
    /** Lost instances this one reaped. */
    public final LongAdder instancesReaped = new LongAdder();
    /** Publish-to-delivery latency of messages from other instances. */
    public final LatencyHistogram lag = new LatencyHistogram();
}
