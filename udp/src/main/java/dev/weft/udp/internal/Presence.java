package dev.weft.udp.internal;

/**
 * Where a UDP peer is: its room and its nickname, changed together.
 *
 * @param room     the room
 * @param nickname the nickname
 */
public record Presence(String room, String nickname) {
}
