package dev.weft.udp;

/**
 * A point-in-time snapshot of a {@link UdpRelay}'s counters, all since it was created. Datagram
 * level counts (received, malformed, oversized) are in the server's {@link UdpMetrics}.
 *
 * @param livePeers            peers joined now
 * @param rooms                rooms with at least one UDP peer now
 * @param joins                successful {@code JOIN}s (a peer moving rooms counts again)
 * @param leaves               peers that left with {@code LEAVE} or were closed by the application
 * @param expired              peers removed for being silent longer than the idle timeout
 * @param messagesRelayed      {@code MSG} lines accepted from peers
 * @param deliveries           chat lines (messages and join/leave notices) handed to clients of
 *                             any protocol
 * @param rejectedServerFull   {@code JOIN}s refused at {@link RelayConfig#maxPeers()}
 * @param rejectedTooManyRooms {@code JOIN}s refused at {@link RelayConfig#maxRooms()}
 * @param rejectedNames        {@code JOIN}s refused for a room or nickname too long or taken
 * @param rejectedNotJoined    commands other than {@code JOIN} from an address that is not a
 *                             peer (answered {@code ERR not joined} or {@code EXPIRED})
 * @param errorRepliesWithheld  error replies to non-peers not sent, over
 *                             {@link RelayConfig#maxErrorRepliesPerSecond()}
 */
public record RelayMetrics(long livePeers, long rooms, long joins, long leaves, long expired,
                           long messagesRelayed, long deliveries, long rejectedServerFull,
                           long rejectedTooManyRooms, long rejectedNames, long rejectedNotJoined,
                           long errorRepliesWithheld) {
}
