package dev.weft.redis.internal;

import dev.weft.core.rooms.LocalRooms;
import dev.weft.redis.RoomBridgeConfig;
import java.util.Objects;

/**
 * What the bridge's parts share.
 *
 * @param config    the configuration
 * @param self      this instance's id
 * @param keys      the Redis key names
 * @param connector opens connections
 * @param health    whether Redis is reachable
 * @param counters  the metrics
 * @param rooms     where messages from other instances go
 * @param lifecycle the stop signal
 */
public record BridgeContext(RoomBridgeConfig config, String self, RedisKeys keys, RedisConnector connector,
                            LinkHealth health, BridgeCounters counters, LocalRooms rooms, Lifecycle lifecycle) {

    /** Checks the arguments. */
    public BridgeContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** A new back-off for one connection-owning thread. */
    public ReconnectBackoff backoff() {
        return new ReconnectBackoff(config.redis().reconnectMinDelay(), config.redis().reconnectMaxDelay());
    }
}
