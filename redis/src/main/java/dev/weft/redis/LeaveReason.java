package dev.weft.redis;

/** Why a member of another instance left a room ({@link RoomNotice.Left}). */
public enum LeaveReason {
    /** The member left the room or disconnected. */
    LEFT,
    /** The member's instance was closed while the member was still in the room. */
    INSTANCE_STOPPED,
    /**
     * The member's instance stopped sending heartbeats (it crashed, hung or lost Redis for longer
     * than {@link PresenceTiming#ttl()}): a surviving instance announced it.
     */
    INSTANCE_LOST
}
