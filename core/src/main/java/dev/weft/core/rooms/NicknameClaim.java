package dev.weft.core.rooms;

import java.util.Objects;

/**
 * What a {@link RoomsCluster} answered when this instance asked for a nickname in a room
 * ({@link RoomsCluster#claim}), before the local join.
 */
public sealed interface NicknameClaim {

    /**
     * Whether the member may go ahead.
     *
     * @return true unless the nickname is {@link Taken}: it is this instance's now, or could not be checked
     */
    default boolean granted() {
        return !(this instanceof Taken);
    }

    /**
     * The nickname is now held in the room by this instance, across the cluster: no other instance
     * can claim it until it is released or this instance is lost.
     *
     * @param tookOverFrom the id of a lost instance whose member held the nickname and that no
     *                     survivor had cleaned up yet, or empty when the nickname was free
     */
    record Claimed(String tookOverFrom) implements NicknameClaim {
        /** Checks the argument. */
        public Claimed {
            Objects.requireNonNull(tookOverFrom, "tookOverFrom");
        }
    }

    /**
     * A member connected to another, live instance has the nickname in this room: the join is refused.
     *
     * @param holderInstance the {@linkplain RoomsCluster#instanceName() name} of that instance
     */
    record Taken(String holderInstance) implements NicknameClaim {
        /** Checks the argument. */
        public Taken {
            Objects.requireNonNull(holderInstance, "holderInstance");
        }
    }

    /**
     * The cluster could not be asked in time (it is unreachable, slow, or closed): the nickname is
     * granted on local uniqueness alone. The cluster claims it as soon as it can; if another
     * instance got it first meanwhile, it calls {@link LocalRooms#claimLost}.
     *
     * @param reason why the cluster was not asked or did not answer, for a log line
     */
    record Unverified(String reason) implements NicknameClaim {
        /** Checks the argument. */
        public Unverified {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
