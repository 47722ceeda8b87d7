package dev.weft.redis;

import java.time.Instant;
import java.util.Objects;

/**
 * One line said in a room, as another instance published it or as history keeps it.
 *
 * @param nickname the member who said it
 * @param instance the {@linkplain RedisRoomBridge#instanceName() name} of the instance the member
 *                 is connected to
 * @param text     what was said, without line terminator
 * @param sentAt   when the publishing instance accepted it, by its clock
 */
public record RoomLine(String nickname, String instance, String text, Instant sentAt) {

    /** Checks the arguments. */
    public RoomLine {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
