package dev.weft.core.rooms;

import java.util.Map;
import java.util.Set;

/**
 * This instance's rooms as a {@link RoomsCluster} sees them: where what other instances send is
 * delivered, and the truth about who is a member here. {@link ChatRooms#localRooms()} is the
 * implementation; a cluster's own tests may record calls instead.
 *
 * <p>Called on the cluster's own threads, never under a lock of the rooms; no method blocks:
 * lines go to members with {@code Client.send}, which only queues.
 */
public interface LocalRooms {

    /**
     * Delivers a line said by a member of another instance to this instance's members of
     * {@code room}: each hears {@code <nickname>: <text>}.
     *
     * @param room the room
     * @param line the line, its speaker and their instance
     */
    void deliver(String room, RoomLine line);

    /**
     * Tells this instance's members of {@code room} that a member of another instance joined,
     * left or changed nickname, worded as for a local member.
     *
     * @param room   the room
     * @param notice who joined, left or changed nickname
     */
    void notice(String room, RoomNotice notice);

    /**
     * A snapshot of this instance's members: room to nicknames. A cluster calls it to re-assert
     * its claims after it could not reach the others, so it is the truth, not a cache.
     *
     * @return room to the nicknames of its members here; rooms without members are left out
     */
    Map<String, Set<String>> members();

    /**
     * A nickname granted here while the cluster could not be asked
     * ({@link NicknameClaim.Unverified}) turned out to be held in {@code room} by a member of
     * another instance. The member here gets another nickname (or, failing that, leaves the room)
     * and is told why; the cluster no longer holds {@code nickname} for this instance.
     *
     * @param room           the room
     * @param nickname       the nickname the member here lost
     * @param holderInstance the name of the instance whose member holds it
     */
    void claimLost(String room, String nickname, String holderInstance);
}
