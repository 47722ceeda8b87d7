package dev.weft.redis;

/**
 * Counts of room messages (lines and notices) since the bridge started.
 *
 * @param published  messages this instance published to Redis
 * @param received   messages from other instances delivered to {@link dev.weft.core.rooms.LocalRooms}
 * @param dropped    messages of this instance never published: the publish queue was full, or
 *                   still held them when the bridge closed
 * @param duplicates messages from other instances discarded because they had been delivered
 *                   already (a publisher retried after losing its connection mid-send)
 * @param missing    messages from other instances that never arrived, seen as gaps in a
 *                   publisher's sequence numbers — what a Redis outage cost this instance
 * @param malformed  messages that did not decode, discarded
 */
public record DeliveryCounts(long published, long received, long dropped, long duplicates, long missing,
                             long malformed) {
}
