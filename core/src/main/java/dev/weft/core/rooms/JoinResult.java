package dev.weft.core.rooms;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ChatRooms#join} made of a request: the client joined (entered, moved or renamed),
 * was already there under that nickname, or was refused.
 */
public sealed interface JoinResult permits JoinResult.Joined, JoinResult.AlreadyJoined, RoomRefusal {

    /**
     * The client is now {@code member}; its room was told.
     *
     * @param before where it was before, if it was a member already (then this was a move to
     *               another room or a new nickname in the same room)
     * @param member where it is now
     */
    record Joined(Optional<Member> before, Member member) implements JoinResult {
        /** Validates that no component is missing. */
        public Joined {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(member, "member");
        }

        /** {@return whether the client kept its room and only changed its nickname} */
        public boolean renamed() {
            return before.isPresent() && before.get().room().equals(member.room());
        }
    }

    /**
     * The client was already in the room under the nickname: nothing changed, nobody was told.
     * A protocol acknowledges it again (its first answer may have been lost).
     *
     * @param member where it is
     */
    record AlreadyJoined(Member member) implements JoinResult {
        /** Validates {@code member}. */
        public AlreadyJoined {
            Objects.requireNonNull(member, "member");
        }
    }
}
