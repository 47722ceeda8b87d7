package dev.weft.redis;

import java.util.Objects;

/**
 * A point-in-time snapshot of a {@link RedisRoomBridge}.
 *
 * @param delivery room messages in and out
 * @param link     the link to Redis
 * @param lag      publish-to-delivery latency of messages from other instances
 */
public record RoomBridgeMetrics(DeliveryCounts delivery, LinkCounts link, LagSummary lag) {

    /** Checks the arguments. */
    public RoomBridgeMetrics {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(lag, "lag");
    }
}
