package dev.weft.redis;

import java.util.List;

/**
 * Who is in a room ({@link RedisRoomBridge#who}).
 *
 * @param members  the members, sorted by nickname
 * @param complete true when the list comes from Redis and so covers every instance; false when
 *                 Redis could not be asked in time and only this instance's members are listed
 */
public record RoomPresence(List<PresentMember> members, boolean complete) {

    /** Copies the list. */
    public RoomPresence {
        members = List.copyOf(members);
    }
}
