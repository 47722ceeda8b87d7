package dev.weft.redis.internal;

import dev.weft.core.rooms.RoomLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a room's history from the raw reply of {@code XREVRANGE <history> + - COUNT n}: newest
 * first, each entry {@code [id, [field, value, ...]]} with the encoded message under field
 * {@code m}. Entries that do not decode, and repeats of one message (a publisher that retried a
 * batch appends it twice), are skipped.
 */
public final class HistoryEntries {

    private HistoryEntries() {
    }

    /** The lines of the reply, oldest first. */
    public static List<RoomLine> parse(List<Object> reply) {
        List<RoomLine> newestFirst = new ArrayList<>(reply.size());
        Set<Stamp> seen = new HashSet<>();
        for (Object entry : reply) {
            if (!(entry instanceof List<?> idAndFields) || idAndFields.size() != 2
                    || !(idAndFields.get(1) instanceof List<?> fields)) {
                continue;
            }
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if (fields.get(i) instanceof byte[] name && name.length == 1 && name[0] == 'm'
                        && fields.get(i + 1) instanceof byte[] value) {
                    line(value, seen).ifPresent(newestFirst::add);
                }
            }
        }
        return newestFirst.reversed();
    }

    private static Optional<RoomLine> line(byte[] value, Set<Stamp> seen) {
        try {
            WireMessage message = WireCodec.decode(value);
            Stamp stamp = message.stamp();
            if (message.kind() != MessageKind.LINE || !seen.add(new Stamp(stamp.publisher(), stamp.run(), stamp.seq(), 0))) {
                return Optional.empty();
            }
            return Optional.of(new RoomLine(message.nickname(), InstanceId.nameOf(message.memberInstance()),
                    message.text(), EpochMicros.toInstant(stamp.sentAtMicros())));
        } catch (MalformedMessageException e) {
            return Optional.empty();
        }
    }
}
