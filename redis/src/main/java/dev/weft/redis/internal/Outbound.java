package dev.weft.redis.internal;

import java.util.Objects;

/** Work for the publisher thread, queued by client threads without waiting for Redis. */
public sealed interface Outbound {

    /**
     * A room message to publish (and, for a line, to append to the room's history). It is
     * stamped with its sequence number when the publisher takes it, so the queue's order is the
     * publish order.
     *
     * @param kind             what it is
     * @param room             the room
     * @param nickname         the member it is about
     * @param memberInstance   the member's instance id
     * @param text             the line or the old nickname, else empty
     * @param acceptedAtMicros when it was queued, microseconds since the epoch
     */
    record Message(MessageKind kind, String room, String nickname, String memberInstance, String text,
                   long acceptedAtMicros) implements Outbound {
        /** Checks the arguments. */
        public Message {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(memberInstance, "memberInstance");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Frees a nickname this instance held.
     *
     * @param entry the room and nickname
     */
    record Release(ClaimEntry entry) implements Outbound {
        /** Checks the argument. */
        public Release {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Tells the publisher to finish: what was queued before it is still sent. */
    record Finish() implements Outbound {
    }
}
