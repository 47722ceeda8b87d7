package dev.weft.redis.internal;

import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomNotice;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the receiving thread does with each message from a room channel: decode it, skip this
 * instance's own, deliver each other publisher's messages once and in order (by their stamps),
 * count gaps and lag, and hand lines and notices to the local rooms.
 */
public final class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);
    private static final long MALFORMED_WARN_EVERY = 1_000;

    private final BridgeContext context;
    private final SequenceTracker sequences = new SequenceTracker();

    /** @param context the bridge's shared parts */
    public InboundMessages(BridgeContext context) {
        this.context = context;
    }

    /** Handles one message received on {@code channel}. Receiving thread only. */
    public void accept(byte[] channel, byte[] payload) {
        Optional<String> channelRoom = context.keys().roomOf(channel);
        if (channelRoom.isEmpty()) {
            return;
        }
        WireMessage message;
        try {
            message = WireCodec.decode(payload);
            if (!message.room().equals(channelRoom.get())) {
                throw new MalformedMessageException("room differs from the channel's");
            }
        } catch (MalformedMessageException e) {
            malformed(channelRoom.get(), e.getMessage());
            return;
        }
        if (message.stamp().publisher().equals(context.self())) {
            return;
        }
        if (message.kind() == MessageKind.LOST && message.memberInstance().equals(context.self())) {
            // A survivor took this instance for lost while it was only cut off: it is alive, and
            // re-asserts its members at its next heartbeat. Its own members are not told they left.
            return;
        }
        long missing = sequences.check(message.room(), message.stamp());
        if (missing == SequenceTracker.DUPLICATE) {
            context.counters().duplicates.increment();
            return;
        }
        if (missing > 0) {
            context.counters().missing.add(missing);
            log.debug("{} missed {} messages of {} in room {}", context.self(), missing, message.stamp().publisher(),
                    message.room());
        }
        context.counters().lag.record(EpochMicros.now() - message.stamp().sentAtMicros());
        context.counters().received.increment();
        deliver(message);
    }

    /** Forgets the sequence positions of {@code room}: this instance no longer listens to it. */
    public void forgetRoom(String room) {
        sequences.forgetRoom(room);
    }

    private void deliver(WireMessage message) {
        String room = message.room();
        String instance = InstanceId.nameOf(message.memberInstance());
        try {
            switch (message.kind()) {
                case LINE -> context.rooms().deliver(room, new RoomLine(message.nickname(), instance, message.text(),
                        EpochMicros.toInstant(message.stamp().sentAtMicros())));
                case JOIN -> context.rooms().notice(room, new RoomNotice.Joined(message.nickname(), instance));
                case LEAVE -> context.rooms().notice(room,
                        new RoomNotice.Left(message.nickname(), instance, LeaveWords.reason(message.text())));
                case RENAME -> context.rooms().notice(room,
                        new RoomNotice.Renamed(message.text(), message.nickname(), instance));
                case STOP -> {
                    context.rooms().notice(room,
                            new RoomNotice.Left(message.nickname(), instance, LeaveReason.INSTANCE_STOPPED));
                    sequences.forgetPublisher(room, message.stamp().publisher());
                }
                case LOST -> {
                    context.rooms().notice(room,
                            new RoomNotice.Left(message.nickname(), instance, LeaveReason.INSTANCE_LOST));
                    sequences.forgetPublisher(room, message.memberInstance());
                }
            }
        } catch (RuntimeException e) {
            log.error("{} local rooms failed to take a {} message of room {}", context.self(), message.kind(), room, e);
        }
    }

    private void malformed(String room, String reason) {
        context.counters().malformed.increment();
        long count = context.counters().malformed.sum();
        if (count % MALFORMED_WARN_EVERY == 1) {
            log.warn("{} discarded a malformed message in room {} ({}); {} so far — another instance with a newer"
                    + " format, or something else publishing on the channel", context.self(), room, reason, count);
        } else {
            log.debug("{} discarded a malformed message in room {} ({})", context.self(), room, reason);
        }
    }
}
