package dev.weft.udp;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link RelayMetrics}; one per {@link UdpRelay}. */
final class RelayCounters {

    final LongAdder joins = new LongAdder();
    final LongAdder leaves = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder messagesRelayed = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    final LongAdder rejectedServerFull = new LongAdder();
    final LongAdder rejectedTooManyRooms = new LongAdder();
    final LongAdder rejectedNames = new LongAdder();
    final LongAdder rejectedNotJoined = new LongAdder();
    final LongAdder errorRepliesWithheld = new LongAdder();

    /** A snapshot with the current number of peers and rooms. */
    RelayMetrics snapshot(int livePeers, int rooms) {
        return new RelayMetrics(livePeers, rooms, joins.sum(), leaves.sum(), expired.sum(),
                messagesRelayed.sum(), deliveries.sum(), rejectedServerFull.sum(),
                rejectedTooManyRooms.sum(), rejectedNames.sum(), rejectedNotJoined.sum(),
                errorRepliesWithheld.sum());
    }
}
