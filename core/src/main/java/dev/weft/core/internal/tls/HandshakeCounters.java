package dev.weft.core.internal.tls;

import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link TlsMetrics}: one per server (or client pool), striped. */
public final class HandshakeCounters {

    private final LongAdder completed = new LongAdder();
    private final LongAdder[] failed = new LongAdder[HandshakeFailure.values().length];

    /** Creates zeroed counters. */
    public HandshakeCounters() {
        for (int i = 0; i < failed.length; i++) {
            failed[i] = new LongAdder();
        }
    }

    /** Counts a handshake that finished. */
    public void countCompleted() {
        completed.increment();
    }

    /** Counts a handshake that failed for {@code reason}. */
    public void countFailed(HandshakeFailure reason) {
        failed[reason.ordinal()].increment();
    }

    /** A snapshot of the counters. */
    public TlsMetrics snapshot() {
        Map<HandshakeFailure, Long> byReason = new EnumMap<>(HandshakeFailure.class);
        for (HandshakeFailure reason : HandshakeFailure.values()) {
            byReason.put(reason, failed[reason.ordinal()].sum());
        }
        return new TlsMetrics(completed.sum(), byReason);
    }
}
