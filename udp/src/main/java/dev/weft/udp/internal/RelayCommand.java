package dev.weft.udp.internal;

/**
 * One datagram of the relay protocol, parsed: the closed set of things a peer can ask for, plus
 * {@link Malformed} for everything else. See {@link dev.weft.udp.UdpRelay} for the protocol.
 */
public sealed interface RelayCommand {

    /**
     * {@code JOIN <room> <nickname>}: enter a room under a nickname (or move, or rename).
     *
     * @param room     the room's name
     * @param nickname the nickname
     */
    record Join(String room, String nickname) implements RelayCommand {
    }

    /**
     * {@code MSG <text>}: say {@code text} to the other clients of the room.
     *
     * @param text the line said
     */
    record Message(String text) implements RelayCommand {
    }

    /** {@code LEAVE}: leave the room and the relay. */
    record Leave() implements RelayCommand {
    }

    /** {@code PING}: keep-alive, answered {@code PONG}. */
    record Ping() implements RelayCommand {
    }

    /**
     * Not a valid command; {@code reason} is sent back after {@code ERR }.
     *
     * @param reason what is wrong with the command
     */
    record Malformed(String reason) implements RelayCommand {
    }
}
