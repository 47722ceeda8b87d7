package dev.weft.udp.internal;

import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.udp.ChatPresence;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.internal.JoinOutcome.Joined;
import dev.weft.udp.internal.JoinOutcome.NicknameTaken;
import dev.weft.udp.internal.JoinOutcome.ServerFull;
import dev.weft.udp.internal.JoinOutcome.TooManyRooms;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The relay's peers, keyed by exact address and port, with the room counts and the memory of
 * recently expired addresses — and their entries in the shared registry, which change together
 * with the table so that the registry never holds a removed peer.
 *
 * <p>Lookups are lock-free; every change (join, move, remove, expire) holds one
 * {@link ReentrantLock}, so limits are checked and applied atomically. Nothing under the lock
 * blocks: registry listeners must not block either (see {@code RegistryListener}).
 */
public final class PeerTable {

    private final RelayConfig config;
    private final ClientRegistry registry;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<InetSocketAddress, UdpPeer> peers = new ConcurrentHashMap<>();
    private final Map<String, Integer> peersPerRoom = new HashMap<>();
    private final LinkedHashMap<InetSocketAddress, Boolean> recentlyExpired = new LinkedHashMap<>();

    /**
     * @param config   the limits
     * @param registry where peers are registered
     */
    public PeerTable(RelayConfig config, ClientRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** The peer at exactly this address and port, if any. */
    public Optional<UdpPeer> find(InetSocketAddress address) {
        return Optional.ofNullable(peers.get(address));
    }

    /**
     * Makes {@code address} a peer in {@code where.room()}: moves an existing peer, or registers a
     * new one made by {@code newPeer} (given the registry id) if the limits allow.
     */
    public JoinOutcome join(InetSocketAddress address, Presence where, Function<Long, UdpPeer> newPeer) {
        lock.lock();
        try {
            UdpPeer existing = peers.get(address);
            if (existing == null && peers.size() >= config.maxPeers()) {
                return new ServerFull(config.maxPeers());
            }
            boolean sameRoom = existing != null && existing.presence().room().equals(where.room());
            if (!sameRoom && !peersPerRoom.containsKey(where.room()) && peersPerRoom.size() >= config.maxRooms()) {
                return new TooManyRooms(config.maxRooms());
            }
            if (nicknameTaken(where, existing)) {
                return new NicknameTaken(where.nickname());
            }
            if (existing != null) {
                Presence previous = existing.presence();
                leaveRoom(previous.room());
                existing.moveTo(where);
                enterRoom(where.room());
                return new Joined(existing, Optional.of(previous));
            }
            UdpPeer peer = newPeer.apply(registry.nextId());
            peers.put(address, peer);
            enterRoom(where.room());
            recentlyExpired.remove(address);
            registry.register(peer);
            return new Joined(peer, Optional.empty());
        } finally {
            lock.unlock();
        }
    }

    private boolean nicknameTaken(Presence where, UdpPeer existing) {
        for (Client client : registry.snapshot()) {
            if (client != existing
                    && where.room().equals(client.attributes().get(ChatPresence.ROOM).orElse(null))
                    && where.nickname().equals(client.attributes().get(ChatPresence.NICKNAME).orElse(null))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes {@code peer} and unregisters it.
     *
     * @return whether it was still in the table (so exactly one caller wins)
     */
    public boolean remove(UdpPeer peer) {
        lock.lock();
        try {
            return removeLocked(peer);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every peer last heard from longer than the idle timeout before {@code now}, and
     * remembers their addresses.
     *
     * @return the removed peers
     */
    public List<UdpPeer> expire(Instant now) {
        lock.lock();
        try {
            List<UdpPeer> expired = new ArrayList<>();
            for (UdpPeer peer : peers.values()) {
                if (peer.lastSeen().plus(config.idleTimeout()).isBefore(now) && removeLocked(peer)) {
                    expired.add(peer);
                    remember(peer.remoteAddress());
                }
            }
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code address} belonged to a peer that expired; forgets it, so it is told once. */
    public boolean forgetExpired(InetSocketAddress address) {
        lock.lock();
        try {
            return recentlyExpired.remove(address) != null;
        } finally {
            lock.unlock();
        }
    }

    /** Removes and unregisters every peer, without notices; for a relay that stops. */
    public void clear() {
        lock.lock();
        try {
            List.copyOf(peers.values()).forEach(this::removeLocked);
            recentlyExpired.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The number of peers. */
    public int size() {
        return peers.size();
    }

    /** The number of rooms with at least one peer. */
    public int rooms() {
        lock.lock();
        try {
            return peersPerRoom.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean removeLocked(UdpPeer peer) {
        if (!peers.remove(peer.remoteAddress(), peer)) {
            return false;
        }
        peer.markClosed();
        leaveRoom(peer.presence().room());
        registry.unregister(peer);
        return true;
    }

    private void enterRoom(String room) {
        peersPerRoom.merge(room, 1, Integer::sum);
    }

    private void leaveRoom(String room) {
        peersPerRoom.computeIfPresent(room, (r, count) -> count == 1 ? null : count - 1);
    }

    private void remember(InetSocketAddress address) {
        recentlyExpired.put(address, Boolean.TRUE);
        if (recentlyExpired.size() > config.maxExpiredRemembered()) {
            recentlyExpired.remove(recentlyExpired.keySet().iterator().next());
        }
    }
}
