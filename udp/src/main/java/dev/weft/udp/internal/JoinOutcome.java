package dev.weft.udp.internal;

import java.util.Optional;

/** What became of a {@code JOIN} in the {@link PeerTable}. */
public sealed interface JoinOutcome {

    /**
     * The address is now a peer in the room.
     *
     * @param peer     the peer (new, or the same one moved)
     * @param previous where it was before, if it was already a peer
     */
    record Joined(UdpPeer peer, Optional<Presence> previous) implements JoinOutcome {
    }

    /** {@link dev.weft.udp.RelayConfig#maxPeers()} peers are already joined. */
    record ServerFull(int maxPeers) implements JoinOutcome {
    }

    /** The room would be one more than {@link dev.weft.udp.RelayConfig#maxRooms()}. */
    record TooManyRooms(int maxRooms) implements JoinOutcome {
    }

    /** Another client of the room, of any protocol, already has the nickname. */
    record NicknameTaken(String nickname) implements JoinOutcome {
    }
}
