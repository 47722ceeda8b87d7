package dev.weft.core.rooms;

import java.time.Instant;
import java.util.Objects;

/**
 * One line said in a room, as another instance of the cluster published it or as the room's
 * history keeps it.
 *
 * @param nickname the member who said it
 * @param instance the {@linkplain RoomsCluster#instanceName() name} of the instance the member is
 *                 connected to
 * @param text     what was said, without line end
 * @param sentAt   when the speaker's instance accepted it, by that instance's clock
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
