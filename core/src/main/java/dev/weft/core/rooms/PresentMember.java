package dev.weft.core.rooms;

import java.util.Objects;

/**
 * A member of a room as {@link ChatRooms#presence} lists it.
 *
 * @param nickname the member's nickname, unique in the room across instances
 * @param instance the {@linkplain RoomsCluster#instanceName() name} of the member's instance;
 *                 empty for the members of rooms that are in no cluster
 */
public record PresentMember(String nickname, String instance) {

    /** Checks the arguments. */
    public PresentMember {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(instance, "instance");
    }
}
