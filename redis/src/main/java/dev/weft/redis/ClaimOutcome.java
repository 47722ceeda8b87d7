package dev.weft.redis;

import java.util.Objects;

/**
 * What the cluster said when this instance asked for a nickname in a room
 * ({@link RedisRoomBridge#join}, {@link RedisRoomBridge#rename}).
 */
public sealed interface ClaimOutcome {

    /**
     * Whether the member may go ahead.
     *
     * @return true unless the nickname is {@link Taken}: it is this instance's, or could not be checked
     */
    default boolean granted() {
        return !(this instanceof Taken);
    }

    /**
     * The nickname is now held by this instance in the room, in Redis: no other instance can
     * claim it until it is released or this instance is lost.
     *
     * @param tookOverFrom the instance id of a lost instance whose member held it and that no
     *                     survivor had cleaned up yet, or empty when the nickname was free
     */
    record Claimed(String tookOverFrom) implements ClaimOutcome {
        /** Checks the argument. */
        public Claimed {
            Objects.requireNonNull(tookOverFrom, "tookOverFrom");
        }
    }

    /**
     * A member on another, live instance has the nickname in this room: refuse it.
     *
     * @param holderInstance the {@linkplain RedisRoomBridge#instanceName() name} of that instance
     */
    record Taken(String holderInstance) implements ClaimOutcome {
        /** Checks the argument. */
        public Taken {
            Objects.requireNonNull(holderInstance, "holderInstance");
        }
    }

    /**
     * Redis could not be asked within {@link RedisEndpoint#commandTimeout()} (it is down, slow, or
     * the bridge is closed): the nickname is granted on local uniqueness alone. The bridge claims
     * it in Redis as soon as it can; if another instance got it first meanwhile, it calls
     * {@link LocalRooms#claimLost}.
     *
     * @param reason why Redis was not asked or did not answer, for a log line
     */
    record Unverified(String reason) implements ClaimOutcome {
        /** Checks the argument. */
        public Unverified {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
