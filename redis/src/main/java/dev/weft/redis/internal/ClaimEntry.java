package dev.weft.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One nickname held in one room, as an element of an instance's set of claims in Redis:
 * {@code <room byte length>:<room><nickname>} — unambiguous whatever the room holds, and split
 * the same way by the Lua scripts ({@link PresenceScripts}).
 *
 * @param room     the room
 * @param nickname the nickname
 */
public record ClaimEntry(String room, String nickname) {

    /** Checks the arguments. */
    public ClaimEntry {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(nickname, "nickname");
    }

    /** The set element. */
    public byte[] encode() {
        byte[] roomBytes = room.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (roomBytes.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] nick = nickname.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(prefix, prefix.length + roomBytes.length + nick.length);
        System.arraycopy(roomBytes, 0, out, prefix.length, roomBytes.length);
        System.arraycopy(nick, 0, out, prefix.length + roomBytes.length, nick.length);
        return out;
    }

    /** Reads an element written by {@link #encode()}; empty for anything else. */
    public static Optional<ClaimEntry> decode(byte[] element) {
        int colon = 0;
        int length = 0;
        while (colon < element.length && colon < 8 && element[colon] >= '0' && element[colon] <= '9') {
            length = length * 10 + (element[colon] - '0');
            colon++;
        }
        if (colon == 0 || colon >= element.length || element[colon] != ':'
                || element.length - colon - 1 < length) {
            return Optional.empty();
        }
        String room = new String(element, colon + 1, length, StandardCharsets.UTF_8);
        String nick = new String(element, colon + 1 + length, element.length - colon - 1 - length,
                StandardCharsets.UTF_8);
        return Optional.of(new ClaimEntry(room, nick));
    }
}
