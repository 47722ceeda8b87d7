package dev.weft.udp.internal;

import dev.weft.core.rooms.JoinResult;

/** What became of a {@code JOIN} in the {@link PeerTable}. */
public sealed interface JoinOutcome {

    /**
     * The rooms answered: the peer joined, was already there, or was refused.
     *
     * @param peer   the peer: the existing one, or a new one (kept only if it joined)
     * @param result the rooms' answer
     */
    record Answered(UdpPeer peer, JoinResult result) implements JoinOutcome {
    }

    /**
     * While the rooms answered, another command from the same address changed its peer — it left,
     * or another {@code JOIN} made the peer first: this join was undone and gets no answer (the
     * peer hears the other command's).
     */
    record Superseded() implements JoinOutcome {
    }

    /**
     * A new address, but {@link dev.weft.udp.RelayConfig#maxPeers()} peers are already joined.
     *
     * @param maxPeers the limit, for the {@code ERR} reply
     */
    record ServerFull(int maxPeers) implements JoinOutcome {
    }
}
