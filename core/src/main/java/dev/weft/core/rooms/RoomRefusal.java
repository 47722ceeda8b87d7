package dev.weft.core.rooms;

import java.util.Objects;

/**
 * Why the {@link ChatRooms} refused a request; nothing changed. Each refusal has a {@link
 * #message()} that a protocol sends back as it is, after its own error prefix
 * ({@code "ERR "} from the UDP relay, {@code "! "} on the TCP chat), and is counted in
 * {@link RoomsMetrics}.
 */
public sealed interface RoomRefusal extends JoinResult, SayResult {

    /** {@return one sentence for the client, such as {@code "nickname ann is taken"}} */
    String message();

    /**
     * Another member of the room, of any protocol, already has the nickname.
     *
     * @param room     the room
     * @param nickname the nickname asked for
     */
    record NicknameTaken(String room, String nickname) implements RoomRefusal {
        @Override
        public String message() {
            return "nickname " + nickname + " is taken";
        }
    }

    /**
     * The room already has {@link RoomsConfig#maxMembersPerRoom()} members.
     *
     * @param room       the room
     * @param maxMembers the limit
     */
    record RoomFull(String room, int maxMembers) implements RoomRefusal {
        @Override
        public String message() {
            return "room " + room + " is full (max " + maxMembers + " members)";
        }
    }

    /**
     * Joining would open one room more than {@link RoomsConfig#maxRooms()}.
     *
     * @param maxRooms the limit
     */
    record TooManyRooms(int maxRooms) implements RoomRefusal {
        @Override
        public String message() {
            return "too many rooms (max " + maxRooms + ")";
        }
    }

    /**
     * A room name or nickname longer than its limit.
     *
     * @param kind      which name
     * @param length    its length, in characters
     * @param maxLength the limit
     */
    record NameTooLong(NameKind kind, int length, int maxLength) implements RoomRefusal {
        /** Validates {@code kind}. */
        public NameTooLong {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String message() {
            return kind.word() + " is " + length + " characters, the maximum is " + maxLength;
        }
    }

    /**
     * A room name or nickname that is empty or has a character other than a letter, a digit,
     * {@code '-'} or {@code '_'} (see {@link NameKind}).
     *
     * @param kind      which name
     * @param name      the name asked for
     * @param maxLength the length limit, to tell the client the whole rule
     */
    record NameNotAllowed(NameKind kind, String name, int maxLength) implements RoomRefusal {
        /** Validates {@code kind}. */
        public NameNotAllowed {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String message() {
            return "a " + kind.word() + " is 1 to " + maxLength + " letters, digits, '-' or '_'";
        }
    }

    /** The client is in no room, so it cannot speak or change its nickname. */
    record NotInRoom() implements RoomRefusal {
        @Override
        public String message() {
            return "not in a room";
        }
    }

    /** A message that is empty or has a control character (see {@link ChatText}). */
    record TextNotAllowed() implements RoomRefusal {
        @Override
        public String message() {
            return "a message is one line of text, without control characters";
        }
    }
}
