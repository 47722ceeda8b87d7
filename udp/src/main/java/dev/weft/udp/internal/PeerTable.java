package dev.weft.udp.internal;

import dev.weft.core.internal.ClientTable;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.JoinResult;
import dev.weft.core.rooms.LeaveReason;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.internal.JoinOutcome.Answered;
import dev.weft.udp.internal.JoinOutcome.ServerFull;
import dev.weft.udp.internal.JoinOutcome.Superseded;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The relay's peers, keyed by exact address and port, with the memory of recently expired
 * addresses. A peer's three memberships — this table, its room in the {@link ChatRooms}, and the
 * shared registry — change together, under one {@link ReentrantLock} of the table's, so they never
 * disagree: a peer is in the table exactly while it is in a room and registered.
 *
 * <p>Lookups are lock-free. Nothing under the lock blocks: a join asks the rooms without it (in a
 * cluster they wait for the other instances), the rooms queue their notices with
 * {@code Client.send}, which never waits, and registry and rooms listeners must not block. The
 * lock is taken before the rooms' own lock, never after it.
 */
public final class PeerTable {

    private final RelayConfig config;
    private final ChatRooms rooms;
    private final ClientTable registry;
    private final long idleNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<InetSocketAddress, UdpPeer> peers = new ConcurrentHashMap<>();
    private final LinkedHashMap<InetSocketAddress, Boolean> recentlyExpired = new LinkedHashMap<>();
    /** New peers whose join the rooms are answering; under {@link #lock}. */
    private int joining;

    /**
     * An empty table.
     *
     * @param config   the limits
     * @param rooms    where peers are members
     * @param registry where peers are registered
     */
    public PeerTable(RelayConfig config, ChatRooms rooms, ClientTable registry) {
        this.config = config;
        this.rooms = rooms;
        this.registry = registry;
        this.idleNanos = config.idleTimeout().toNanos();
    }

    /**
     * The peer at exactly this address and port, if any.
     *
     * @param address the address and port
     * @return the peer; empty if none is there
     */
    public Optional<UdpPeer> find(InetSocketAddress address) {
        return Optional.ofNullable(peers.get(address));
    }

    /**
     * Puts the peer at {@code address} in {@code room} under {@code nickname}: an existing peer,
     * heard from at {@code nowNanos}, moves or renames; a new one is made by {@code newPeer}
     * (given a registry id) if there is room for one more, and is kept — in the table and the
     * registry — only if the rooms take it.
     *
     * <p>The rooms are asked without this table's lock: in a cluster they claim the nickname on
     * the other instances first, which may take up to the cluster's timeout, and nothing else of
     * the relay waits for that. A new peer counts against {@link RelayConfig#maxPeers()} while it
     * joins. If the peer changed meanwhile — it was removed, or another {@code JOIN} from the same
     * address made a peer first — the join is undone and {@link Superseded} returned.
     *
     * @param address  the peer's address and port
     * @param room     the room to join
     * @param nickname the nickname to join under
     * @param nowNanos now, on the relay's clock
     * @param newPeer  makes a new peer from a registry id
     * @return the rooms' answer with the peer; {@link Superseded}; or {@link ServerFull}
     */
    public JoinOutcome join(InetSocketAddress address, String room, String nickname, long nowNanos,
                            LongFunction<UdpPeer> newPeer) {
        UdpPeer peer;
        boolean fresh;
        lock.lock();
        try {
            UdpPeer existing = peers.get(address);
            fresh = existing == null;
            if (fresh) {
                if (peers.size() + joining >= config.maxPeers()) {
                    return new ServerFull(config.maxPeers());
                }
                peer = newPeer.apply(registry.nextId());
                joining++;
            } else {
                peer = existing;
                peer.touch(nowNanos); // under the lock: a sweep cannot expire it meanwhile
            }
        } finally {
            lock.unlock();
        }
        JoinResult result = rooms.join(peer, room, nickname);
        if (!(result instanceof JoinResult.Joined)) {
            if (fresh) {
                doneJoining();
            }
            return new Answered(peer, result);
        }
        if (kept(address, peer, fresh)) {
            return new Answered(peer, result);
        }
        rooms.leave(peer, LeaveReason.CLOSED);
        if (fresh) {
            lock.lock();
            try {
                peer.closed(); // never registered: only marked closed
            } finally {
                lock.unlock();
            }
        }
        return new Superseded();
    }

    private void doneJoining() {
        lock.lock();
        try {
            joining--;
        } finally {
            lock.unlock();
        }
    }

    /** After the rooms took {@code peer}: keeps it in the table, or says it changed meanwhile. */
    private boolean kept(InetSocketAddress address, UdpPeer peer, boolean fresh) {
        lock.lock();
        try {
            if (!fresh) {
                return peers.get(address) == peer;
            }
            joining--;
            if (peers.putIfAbsent(address, peer) != null) {
                return false;
            }
            recentlyExpired.remove(address);
            peer.registered(registry.register(peer));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes {@code peer}: from the table, its room (told {@code * <nickname> <reason>}) and the
     * registry.
     *
     * @param peer   the peer to remove
     * @param reason why, for the room's notice
     * @return whether it was still in the table (so exactly one caller wins)
     */
    public boolean remove(UdpPeer peer, LeaveReason reason) {
        lock.lock();
        try {
            return removeLocked(peer, reason);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every peer last heard from more than the idle timeout before {@code nowNanos}, with
     * an {@link LeaveReason#EXPIRED} notice, and remembers their addresses.
     *
     * @param nowNanos now, on the relay's clock
     * @return the removed peers
     */
    public List<UdpPeer> expire(long nowNanos) {
        lock.lock();
        try {
            List<UdpPeer> expired = new ArrayList<>();
            for (UdpPeer peer : peers.values()) {
                if (nowNanos - peer.lastSeenNanos() > idleNanos && removeLocked(peer, LeaveReason.EXPIRED)) {
                    expired.add(peer);
                    remember(peer.remoteAddress());
                }
            }
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether {@code address} belonged to a peer that expired; forgets it, so it is told once.
     *
     * @param address the address and port a datagram came from
     * @return true if a peer there expired and this is the first time it is asked
     */
    public boolean forgetExpired(InetSocketAddress address) {
        lock.lock();
        try {
            return recentlyExpired.remove(address) != null;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every peer, their rooms told they left; for a relay that stops. */
    public void clear() {
        lock.lock();
        try {
            List.copyOf(peers.values()).forEach(peer -> removeLocked(peer, LeaveReason.CLOSED));
            recentlyExpired.clear();
        } finally {
            lock.unlock();
        }
    }

    /** {@return the number of peers} */
    public int size() {
        return peers.size();
    }

    private boolean removeLocked(UdpPeer peer, LeaveReason reason) {
        if (!peers.remove(peer.remoteAddress(), peer)) {
            return false;
        }
        rooms.leave(peer, reason);
        peer.closed();
        return true;
    }

    private void remember(InetSocketAddress address) {
        recentlyExpired.put(address, Boolean.TRUE);
        if (recentlyExpired.size() > config.maxExpiredRemembered()) {
            recentlyExpired.remove(recentlyExpired.keySet().iterator().next());
        }
    }
}
