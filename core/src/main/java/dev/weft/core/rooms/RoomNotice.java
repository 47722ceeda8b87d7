package dev.weft.core.rooms;

import java.util.Objects;

/**
 * A change in a room's membership on another instance of the cluster, for
 * {@link LocalRooms#notice}: the local members of the room hear it as they hear local ones.
 */
public sealed interface RoomNotice {

    /**
     * The nickname the notice is about.
     *
     * @return the member's nickname (the new one, for {@link Renamed})
     */
    String nickname();

    /**
     * Where the member is.
     *
     * @return the {@linkplain RoomsCluster#instanceName() name} of the member's instance
     */
    String instance();

    /**
     * A member joined the room on another instance: {@code * <nickname> joined}.
     *
     * @param nickname the member
     * @param instance the member's instance
     */
    record Joined(String nickname, String instance) implements RoomNotice {
        /** Checks the arguments. */
        public Joined {
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(instance, "instance");
        }
    }

    /**
     * A member of another instance left the room: {@code * <nickname> <reason's notice>}.
     *
     * @param nickname the member
     * @param instance the member's instance
     * @param reason   why: as on that instance, or {@link LeaveReason#INSTANCE_STOPPED} /
     *                 {@link LeaveReason#INSTANCE_LOST} when the instance itself went away
     */
    record Left(String nickname, String instance, LeaveReason reason) implements RoomNotice {
        /** Checks the arguments. */
        public Left {
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A member of another instance changed nickname: {@code * <previous> is now <nickname>}.
     *
     * @param previous the old nickname
     * @param nickname the new nickname
     * @param instance the member's instance
     */
    record Renamed(String previous, String nickname, String instance) implements RoomNotice {
        /** Checks the arguments. */
        public Renamed {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(instance, "instance");
        }
    }
}
