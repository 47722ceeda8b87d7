package dev.weft.redis.internal;

import java.util.Objects;

/**
 * A room message as it travels between instances, through pub/sub and the history stream.
 *
 * @param kind           what it is
 * @param room           the room
 * @param stamp          publisher and sequence
 * @param nickname       the member it is about (the sender of a line, the new name of a rename)
 * @param memberInstance the id of the member's instance: the publisher, except in {@link MessageKind#LOST}
 * @param text           the line, the old name of a rename, else empty
 */
public record WireMessage(MessageKind kind, String room, Stamp stamp, String nickname, String memberInstance,
                          String text) {

    /** Checks the arguments. */
    public WireMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(memberInstance, "memberInstance");
        Objects.requireNonNull(text, "text");
    }
}
