package dev.weft.core.rooms;

import dev.weft.core.Client;
import java.util.Objects;

/**
 * A client's place in the {@link ChatRooms}: the room it is in and the nickname it speaks under
 * there. A client is a member of at most one room at a time; joining another moves it.
 *
 * @param room     the room's name
 * @param nickname the nickname, unique within the room whatever the members' protocols
 * @param client   the member, reached through {@link Client#send}
 */
public record Member(String room, String nickname, Client client) {

    /** Validates that no component is missing. */
    public Member {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "Member[" + nickname + " in " + room + ", client " + client.id() + "/" + client.protocol() + "]";
    }
}
