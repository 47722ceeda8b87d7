package dev.weft.core.rooms;

/**
 * A point-in-time snapshot of a {@link ChatRooms}' counters, all since it was created, for the
 * members of every protocol together.
 *
 * @param rooms           rooms with at least one member now
 * @param members         members now
 * @param joins           clients that entered a room, moved to another or took a new nickname
 * @param leaves          members that left, for any {@link LeaveReason} but a move
 * @param messages        messages said in a room
 * @param deliveries      lines (messages and notices) queued for members
 * @param refusedNames    requests refused for a room name or nickname too long or not allowed,
 *                        or a message with control characters
 * @param refusedTaken    joins refused because the nickname was taken in the room
 * @param refusedFull     joins refused by {@link RoomsConfig#maxRooms()} or
 *                        {@link RoomsConfig#maxMembersPerRoom()}
 */
public record RoomsMetrics(int rooms, int members, long joins, long leaves, long messages, long deliveries,
                           long refusedNames, long refusedTaken, long refusedFull) {
}
