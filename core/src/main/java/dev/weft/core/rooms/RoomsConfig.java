package dev.weft.core.rooms;

import java.util.Objects;

/**
 * The limits of a {@link ChatRooms} and its default room. Every limit has a safe default (see
 * {@link #builder()}), is validated here once, and exceeding it is a {@link RoomRefusal} the
 * protocol answers with its own error line; it is counted in {@link RoomsMetrics}.
 *
 * @param defaultRoom       the room a client enters with {@link ChatRooms#enter}; default
 *                          {@code "lobby"}. Joining it is never refused for
 *                          {@link #maxRooms()}, so newcomers always have somewhere to go
 * @param maxRooms          the most rooms with members at once, the default room included;
 *                          default 1,000. A join that would open one more is refused with
 *                          {@link RoomRefusal.TooManyRooms}. Bounds the rooms map, whose every
 *                          entry a client can create with one request
 * @param maxMembersPerRoom the most members of one room, of all protocols together; default
 *                          10,000. A join over it is refused with {@link RoomRefusal.RoomFull}.
 *                          Bounds the fan-out of one message: each line is queued once per member
 * @param maxNicknameLength the longest nickname, in characters; default 32. Longer is refused
 *                          with {@link RoomRefusal.NameTooLong}
 * @param maxRoomNameLength the longest room name, in characters; default 32. Longer is refused
 *                          with {@link RoomRefusal.NameTooLong}
 */
public record RoomsConfig(String defaultRoom, int maxRooms, int maxMembersPerRoom,
                          int maxNicknameLength, int maxRoomNameLength) {

    /** The defaults documented on each component. */
    public static final RoomsConfig DEFAULTS = builder().build();

    /** Validates every component; the default room must itself be a valid room name. */
    public RoomsConfig {
        Objects.requireNonNull(defaultRoom, "defaultRoom");
        requirePositive(maxRooms, "maxRooms");
        requirePositive(maxMembersPerRoom, "maxMembersPerRoom");
        requirePositive(maxNicknameLength, "maxNicknameLength");
        requirePositive(maxRoomNameLength, "maxRoomNameLength");
        NameKind.ROOM.check(defaultRoom, maxRoomNameLength).ifPresent(refusal -> {
            throw new IllegalArgumentException("defaultRoom \"" + defaultRoom + "\" is not a valid room name: "
                    + refusal.message());
        });
    }

    private static void requirePositive(int value, String component) {
        if (value <= 0) {
            throw new IllegalArgumentException(component + " must be > 0: " + value);
        }
    }

    /** {@return a builder holding the defaults documented on each component} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised from this configuration} */
    public Builder toBuilder() {
        return new Builder().defaultRoom(defaultRoom).maxRooms(maxRooms).maxMembersPerRoom(maxMembersPerRoom)
                .maxNicknameLength(maxNicknameLength).maxRoomNameLength(maxRoomNameLength);
    }

    /** Builds a {@link RoomsConfig}; starts from the documented defaults. */
    public static final class Builder {
        private String defaultRoom = "lobby";
        private int maxRooms = 1_000;
        private int maxMembersPerRoom = 10_000;
        private int maxNicknameLength = 32;
        private int maxRoomNameLength = 32;

        private Builder() {
        }

        /**
         * Sets the room clients enter first; see {@link RoomsConfig#defaultRoom()}.
         *
         * @param value a valid room name, not null
         * @return this builder
         */
        public Builder defaultRoom(String value) {
            defaultRoom = value;
            return this;
        }

        /**
         * Sets the most rooms with members at once; see {@link RoomsConfig#maxRooms()}.
         *
         * @param value the limit, &gt; 0
         * @return this builder
         */
        public Builder maxRooms(int value) {
            maxRooms = value;
            return this;
        }

        /**
         * Sets the most members of one room; see {@link RoomsConfig#maxMembersPerRoom()}.
         *
         * @param value the limit, &gt; 0
         * @return this builder
         */
        public Builder maxMembersPerRoom(int value) {
            maxMembersPerRoom = value;
            return this;
        }

        /**
         * Sets the longest nickname; see {@link RoomsConfig#maxNicknameLength()}.
         *
         * @param value the limit in characters, &gt; 0
         * @return this builder
         */
        public Builder maxNicknameLength(int value) {
            maxNicknameLength = value;
            return this;
        }

        /**
         * Sets the longest room name; see {@link RoomsConfig#maxRoomNameLength()}.
         *
         * @param value the limit in characters, &gt; 0
         * @return this builder
         */
        public Builder maxRoomNameLength(int value) {
            maxRoomNameLength = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a limit is not positive or the default room is not a
         *     valid room name
         */
        public RoomsConfig build() {
            return new RoomsConfig(defaultRoom, maxRooms, maxMembersPerRoom, maxNicknameLength, maxRoomNameLength);
        }
    }
}
