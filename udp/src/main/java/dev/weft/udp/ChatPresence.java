package dev.weft.udp;

import dev.weft.core.AttributeKey;
import dev.weft.core.Client;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Where a chat client is: the attribute keys through which chat clients of every protocol share
 * rooms in one {@link dev.weft.core.ClientRegistry}.
 *
 * <p>A client is in room {@code r} when its {@link #ROOM} attribute equals {@code r}, whatever
 * its protocol. The {@link UdpRelay} sets both attributes on its peers and delivers each message
 * to every client of the sender's room; a TCP chat handler that sets them on its connections
 * and broadcasts with {@link #inRoom(String)} shares the rooms with UDP peers. The relay owns
 * the attributes of its own peers: others must not change them.
 */
public final class ChatPresence {

    /** The room a client is in; a client without it is in no room and receives no chat lines. */
    public static final AttributeKey<String> ROOM = AttributeKey.of("chat.room", String.class);

    /** The nickname a client speaks under. */
    public static final AttributeKey<String> NICKNAME = AttributeKey.of("chat.nickname", String.class);

    private ChatPresence() {
    }

    /** Accepts the clients whose {@link #ROOM} is {@code room}. */
    public static Predicate<Client> inRoom(String room) {
        Objects.requireNonNull(room, "room");
        return client -> room.equals(client.attributes().get(ROOM).orElse(null));
    }
}
