/**
 * Weft Redis: chat rooms shared by several Weft instances through one Redis server — live room
 * lines over pub/sub, history in a Stream per room, presence kept with heartbeats and atomic
 * claims — as the {@code RoomsCluster} of {@code dev.weft.core.rooms.ChatRooms}.
 *
 * <p>Jedis has no module descriptor of its own; {@code redis.clients.jedis} is the
 * {@code Automatic-Module-Name} of its jar's manifest, stable across its releases. Only
 * {@code dev.weft.redis} is exported: the Redis protocol, keys, scripts and threads live in
 * {@code dev.weft.redis.internal}.
 */
module dev.weft.redis {
    requires transitive dev.weft.core;
    requires redis.clients.jedis;
    requires org.slf4j;

    exports dev.weft.redis;
}
