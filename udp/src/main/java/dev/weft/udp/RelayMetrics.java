package dev.weft.udp;

/**
 * A point-in-time snapshot of a {@link UdpRelay}'s counters, all since it was created. Datagram
 * level counts (received, malformed, oversized) are in the server's {@link UdpMetrics}; room
 * level counts, for the members of every protocol (rooms, deliveries, refusals by reason), in
 * {@link dev.weft.core.rooms.ChatRooms#metrics()}.
 *
 * @param livePeers            peers joined now
 * @param joins                {@code JOIN}s that entered a room, moved or renamed a peer (a
 *                             repeated {@code JOIN} is not counted again)
 * @param leaves               peers that left with {@code LEAVE} or were closed by the application
 * @param expired              peers removed for being silent longer than the idle timeout
 * @param messagesRelayed      {@code MSG} lines from peers said to their rooms
 * @param rejectedServerFull   {@code JOIN}s from new addresses refused at {@link RelayConfig#maxPeers()},
 *                             or refused because {@link UdpRelay#MAX_JOINS_AWAITING_CLUSTER} joins
 *                             already waited for the rooms' cluster
 * @param rejectedByRooms      {@code JOIN}s (and {@code MSG}s) the rooms refused: a name too long or
 *                             not allowed, a nickname taken, a room full, too many rooms
 * @param rejectedNotJoined    commands other than {@code JOIN} from an address that is not a
 *                             peer (answered {@code ERR not joined} or {@code EXPIRED})
 * @param errorRepliesWithheld error replies to non-peers not sent, over
 *                             {@link RelayConfig#maxErrorRepliesPerSecond()}
 */
public record RelayMetrics(long livePeers, long joins, long leaves, long expired, long messagesRelayed,
                           long rejectedServerFull, long rejectedByRooms, long rejectedNotJoined,
                           long errorRepliesWithheld) {
}
