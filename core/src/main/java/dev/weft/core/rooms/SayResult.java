package dev.weft.core.rooms;

import java.util.Objects;

/** What {@link ChatRooms#say} made of a message: delivered to the room, or refused. */
public sealed interface SayResult permits SayResult.Said, RoomRefusal {

    /**
     * The message was queued for the other members of the room.
     *
     * @param from       who said it
     * @param recipients how many members it was queued for
     */
    record Said(Member from, int recipients) implements SayResult {
        /** Validates {@code from}. */
        public Said {
            Objects.requireNonNull(from, "from");
        }
    }
}
