package dev.weft.core.rooms;

import java.util.List;

/**
 * Who is in a room ({@link ChatRooms#presence}), on every instance of the cluster.
 *
 * @param members  the members, sorted by nickname
 * @param complete true when the list covers every instance (or the rooms are in no cluster);
 *                 false when the cluster could not be asked in time and only this instance's
 *                 members are listed
 */
public record RoomPresence(List<PresentMember> members, boolean complete) {

    /** Copies the list. */
    public RoomPresence {
        members = List.copyOf(members);
    }

    /**
     * The members' nicknames, in the order of {@link #members()}.
     *
     * @return the nicknames
     */
    public List<String> nicknames() {
        return members.stream().map(PresentMember::nickname).toList();
    }
}
