package dev.weft.core.rooms;

/**
 * Hears what happens in a {@link ChatRooms}: the extension point through which the rooms reach
 * beyond this process. A cluster extension (Weft's Redis integration) publishes each event to
 * the other instances, which hand remote lines to their own members with
 * {@link ChatRooms#tell}; an audit log or a metrics exporter listens the same way.
 *
 * <p><b>Contract.</b> Each callback runs after the change is made and after the local members'
 * notices are queued, on the thread that made the change — a TCP connection's thread, or the UDP
 * relay's receive loop — and never under the rooms' lock, so a listener may call back into the
 * {@code ChatRooms}. It must not block: a listener that talks to the network hands the event to
 * a thread of its own (a bounded queue, with drops counted). An exception thrown by a listener is
 * logged and does not stop the other listeners or undo the change. Events of one client arrive in
 * the order that client caused them; events of different clients may interleave.
 */
public interface RoomsListener {

    /**
     * {@code member} entered its room (for a move: after {@link #left} with {@link LeaveReason#MOVED}).
     *
     * @param member the client, its room and its nickname
     */
    default void joined(Member member) {
    }

    /**
     * {@code member} left its room, for {@code reason}.
     *
     * @param member the client, the room it left and its nickname there
     * @param reason why it left
     */
    default void left(Member member, LeaveReason reason) {
    }

    /**
     * A member took a new nickname in the same room.
     *
     * @param before the member under its old nickname
     * @param after  the member under its new nickname
     */
    default void renamed(Member before, Member after) {
    }

    /**
     * {@code from} said {@code text} to its room (already delivered to the local members).
     *
     * @param from the member speaking
     * @param text the line said, without its line end
     */
    default void said(Member from, String text) {
    }
}
