package dev.weft.udp.internal;

import dev.weft.udp.UdpMetrics;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link UdpMetrics}; striped so that the hot paths do not contend. */
public final class UdpCounters {

    final LongAdder received = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder droppedOversized = new LongAdder();
    final LongAdder droppedMalformed = new LongAdder();
    final LongAdder droppedQueueFull = new LongAdder();
    final LongAdder droppedSendQueueFull = new LongAdder();
    final LongAdder handlerFailures = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder receiveFailures = new LongAdder();

    /** Creates zeroed counters. */
    public UdpCounters() {
    }

    /**
     * A snapshot; {@code livePeers} is supplied by the caller, which asks the handler.
     *
     * @param livePeers the peers the handler tracks now
     * @return the snapshot
     */
    public UdpMetrics snapshot(long livePeers) {
        return new UdpMetrics(received.sum(), bytesReceived.sum(), sent.sum(), bytesSent.sum(),
                droppedOversized.sum(), droppedMalformed.sum(), droppedQueueFull.sum(), droppedSendQueueFull.sum(),
                handlerFailures.sum(), sendFailures.sum(), receiveFailures.sum(), livePeers);
    }
}
