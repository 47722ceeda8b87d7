package dev.weft.core.internal;

import dev.weft.core.ServerMetrics;
import dev.weft.core.tls.TlsMetrics;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ServerMetrics}; striped so that hot paths do not contend. */
public final class ServerCounters {

    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder bytesWritten = new LongAdder();
    final LongAdder idleTimeouts = new LongAdder();
    final LongAdder writeTimeouts = new LongAdder();
    final LongAdder handlerFailures = new LongAdder();
    final LongAdder acceptFailures = new LongAdder();

    /** Creates zeroed counters. */
    public ServerCounters() {
    }

    /**
     * A snapshot; the caller supplies the gauges, which it knows from the live sets, and the TLS
     * handshake counts, which the TLS context keeps.
     *
     * @param active  the connections open now
     * @param threads the server's threads alive now
     * @param tls     the TLS handshake counts
     * @return the snapshot
     */
    public ServerMetrics snapshot(long active, long threads, TlsMetrics tls) {
        return new ServerMetrics(accepted.sum(), active, rejected.sum(), closed.sum(),
                bytesRead.sum(), bytesWritten.sum(), idleTimeouts.sum(), writeTimeouts.sum(),
                handlerFailures.sum(), acceptFailures.sum(), threads, tls);
    }
}
