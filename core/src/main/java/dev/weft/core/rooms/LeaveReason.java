package dev.weft.core.rooms;

/** Why a member left its room; the room's notice says so where it matters. */
public enum LeaveReason {

    /** The member asked to leave ({@code /quit}, {@code LEAVE}): {@code * <nickname> left}. */
    LEFT("left"),
    /** The member joined another room: the old room is told {@code * <nickname> left}. */
    MOVED("left"),
    /** The member was silent too long (a UDP peer): {@code * <nickname> left (expired)}. */
    EXPIRED("left (expired)"),
    /**
     * The member's client went away or was closed — its connection ended, its server stopped, it
     * was found closed holding a nickname someone else wanted: {@code * <nickname> left}.
     */
    CLOSED("left"),
    /**
     * Only for a member of another instance of a {@linkplain RoomsCluster cluster}: its instance
     * stopped while it was in the room: {@code * <nickname> left (server stopped)}.
     */
    INSTANCE_STOPPED("left (server stopped)"),
    /**
     * Only for a member of another instance of a {@linkplain RoomsCluster cluster}: its instance
     * stopped answering (it crashed, hung, or lost the cluster for too long), and a surviving
     * instance announced it: {@code * <nickname> left (server lost)}.
     */
    INSTANCE_LOST("left (server lost)");

    private final String notice;

    LeaveReason(String notice) {
        this.notice = notice;
    }

    /** {@return the words after the nickname in the room's notice, such as {@code "left (expired)"}} */
    public String notice() {
        return notice;
    }
}
