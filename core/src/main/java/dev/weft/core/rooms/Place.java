package dev.weft.core.rooms;

/**
 * A nickname in a room: what a cluster claim is about.
 *
 * @param room     the room
 * @param nickname the nickname
 */
record Place(String room, String nickname) {
}
