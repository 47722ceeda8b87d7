package dev.weft.core.rooms;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One room of the {@link ChatRooms}: its members by nickname. Changed only under the rooms' lock;
 * read without it, so that delivering a line never waits for a join or a leave (a reader may miss
 * a member who is joining at that moment, as it would a moment earlier).
 */
final class Room {

    private final String name;
    private final ConcurrentHashMap<String, Member> byNickname = new ConcurrentHashMap<>();

    Room(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The member with {@code nickname}, or null. */
    Member holder(String nickname) {
        return byNickname.get(nickname);
    }

    int size() {
        return byNickname.size();
    }

    boolean isEmpty() {
        return byNickname.isEmpty();
    }

    /** Under the rooms' lock. */
    void add(Member member) {
        byNickname.put(member.nickname(), member);
    }

    /** Under the rooms' lock. */
    void remove(Member member) {
        byNickname.remove(member.nickname(), member);
    }

    /** A live view of the members, safe to iterate while others join and leave. */
    Collection<Member> members() {
        return byNickname.values();
    }

    @Override
    public String toString() {
        return "Room[" + name + ", " + byNickname.size() + " members]";
    }
}
