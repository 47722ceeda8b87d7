package dev.weft.core.rooms;

import java.util.Optional;

/**
 * The two kinds of name in the {@link ChatRooms}, which follow one rule: 1 to N characters, each
 * a letter, a digit, {@code '-'} or {@code '_'} (letters and digits of any script). N is
 * {@link RoomsConfig#maxRoomNameLength()} or {@link RoomsConfig#maxNicknameLength()}.
 *
 * <p>Why so strict: names are written into every member's lines ({@code <nickname>: <text>},
 * {@code * <nickname> joined}), on every protocol. A space, a colon, a {@code '*'} or a control
 * character in a nickname would let a member forge what looks like another member's line or a
 * notice; one word of letters cannot.
 */
public enum NameKind {

    /** A room's name. */
    ROOM("room"),
    /** A member's nickname. */
    NICKNAME("nickname");

    private final String word;

    NameKind(String word) {
        this.word = word;
    }

    /** {@return {@code "room"} or {@code "nickname"}, as messages say it} */
    public String word() {
        return word;
    }

    /**
     * Checks {@code name} against the rule.
     *
     * @param maxLength the most characters (code points) allowed
     * @return the refusal, or empty when the name is allowed
     */
    Optional<RoomRefusal> check(String name, int maxLength) {
        int length = name.codePointCount(0, name.length());
        if (length > maxLength) {
            return Optional.of(new RoomRefusal.NameTooLong(this, length, maxLength));
        }
        if (length == 0 || !name.codePoints().allMatch(NameKind::allowed)) {
            return Optional.of(new RoomRefusal.NameNotAllowed(this, name, maxLength));
        }
        return Optional.empty();
    }

    private static boolean allowed(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '-' || codePoint == '_';
    }
}
