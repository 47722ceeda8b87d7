package dev.weft.redis;

import java.util.Objects;

/**
 * A member of a room as presence knows it.
 *
 * @param nickname the member's nickname, unique in the room across instances
 * @param instance the {@linkplain RedisRoomBridge#instanceName() name} of the member's instance
 */
public record PresentMember(String nickname, String instance) {

    /** Checks the arguments. */
    public PresentMember {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(instance, "instance");
    }
}
