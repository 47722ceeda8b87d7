package dev.weft.redis.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The nicknames this instance holds or is claiming, per room, as the bridge was told by
 * {@code claim}, {@code release}, {@code renamed} and {@code left}: what decides which room channels to subscribe
 * to, and which claims in Redis are still wanted. A nickname is added before it is claimed in
 * Redis, so any claim found in Redis for a nickname not here is stale (see
 * {@link PresenceKeeper}). The lock is never held across I/O.
 */
public final class Membership {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Set<String>> rooms = new HashMap<>();

    /**
     * Adds {@code nickname} to {@code room}.
     *
     * @return whether the room had no member here before
     */
    public boolean add(String room, String nickname) {
        lock.lock();
        try {
            Set<String> members = rooms.computeIfAbsent(room, r -> new HashSet<>());
            boolean first = members.isEmpty();
            members.add(nickname);
            return first;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes {@code nickname} from {@code room}.
     *
     * @return whether the room has no member here any more
     */
    public boolean remove(String room, String nickname) {
        lock.lock();
        try {
            Set<String> members = rooms.get(room);
            if (members == null) {
                return false;
            }
            members.remove(nickname);
            if (members.isEmpty()) {
                rooms.remove(room);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code room} has any member here. */
    public boolean hasRoom(String room) {
        lock.lock();
        try {
            return rooms.containsKey(room);
        } finally {
            lock.unlock();
        }
    }

    /** Every (room, nickname) held here. */
    public Set<ClaimEntry> snapshot() {
        lock.lock();
        try {
            Set<ClaimEntry> entries = new HashSet<>();
            rooms.forEach((room, members) -> members.forEach(nick -> entries.add(new ClaimEntry(room, nick))));
            return entries;
        } finally {
            lock.unlock();
        }
    }
}
