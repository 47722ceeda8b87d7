package dev.weft.udp;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link RelayMetrics}; one per {@link UdpRelay}. */
final class RelayCounters {

    final LongAdder joins = new LongAdder();
    final LongAdder leaves = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder messagesRelayed = new LongAdder();
    final LongAdder rejectedServerFull = new LongAdder();
    final LongAdder rejectedByRooms = new LongAdder();
    final LongAdder rejectedNotJoined = new LongAdder();
    final LongAdder errorRepliesWithheld = new LongAdder();

    /** A snapshot with the current number of peers. */
    RelayMetrics snapshot(int livePeers) {
        return new RelayMetrics(livePeers, joins.sum(), leaves.sum(), expired.sum(), messagesRelayed.sum(),
                rejectedServerFull.sum(), rejectedByRooms.sum(), rejectedNotJoined.sum(), errorRepliesWithheld.sum());
    }
}
