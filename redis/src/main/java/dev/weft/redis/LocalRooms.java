package dev.weft.redis;

import java.util.Map;
import java.util.Set;

/**
 * This instance's rooms, as the bridge sees them: where what arrives from other instances is
 * delivered, and the truth about who is a member here. The chat-rooms service implements it.
 *
 * <p>Every method is called from one of the bridge's own threads — {@link #deliver} and
 * {@link #notice} from the single receiving thread, in the order the other instances published
 * them — and must not block: enqueue to members ({@code Client.send} never waits for a socket),
 * never write to one. An exception is logged as a bug and the bridge goes on.
 */
public interface LocalRooms {

    /**
     * Delivers a line said by a member of another instance to this instance's members of
     * {@code room}.
     *
     * @param room the room
     * @param line the line, its speaker and their instance
     */
    void deliver(String room, RoomLine line);

    /**
     * Tells this instance's members of {@code room} about a member of another instance.
     *
     * @param room   the room
     * @param notice who joined, left or changed nickname
     */
    void notice(String room, RoomNotice notice);

    /**
     * A snapshot of this instance's members: room to nicknames. Called when the bridge
     * re-asserts presence after Redis was unreachable, so it must be the truth, not a cache.
     *
     * @return room to the nicknames of its members here; rooms without members may be left out
     */
    Map<String, Set<String>> members();

    /**
     * A nickname granted here while Redis could not be asked ({@link ClaimOutcome.Unverified})
     * turned out to be held in {@code room} by a member of another instance. The member here
     * must change nickname or leave the room; the bridge no longer holds the nickname for it.
     *
     * @param room           the room
     * @param nickname       the nickname the member here no longer holds
     * @param holderInstance the name of the instance whose member holds it
     */
    void claimLost(String room, String nickname, String holderInstance);
}
