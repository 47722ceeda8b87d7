/**
 * Rooms across instances: a {@link dev.weft.redis.RedisRoomBridge} joins this instance's chat
 * rooms to the same rooms on every other instance that uses the same Redis server and channel
 * prefix.
 *
 * <p>The bridge is the {@link dev.weft.core.rooms.RoomsCluster} of a
 * {@link dev.weft.core.rooms.ChatRooms}: attach it with
 * {@link dev.weft.redis.RedisRoomBridge#attachedTo}, and every protocol's members — TCP chat
 * clients, UDP relay peers, WebSocket sessions — share their rooms with every other instance.
 *
 * <p>What crosses: every line said in a room reaches the room's members on the other instances
 * once, in the order its publisher sent it (live delivery is at most once: what is published
 * while an instance is cut from Redis does not reach it later — {@linkplain
 * dev.weft.redis.RedisRoomBridge#history(String) history} is the catch-up); who is in a room,
 * with nicknames unique per room across instances; an instance that dies is noticed within
 * {@link dev.weft.redis.PresenceTiming#lostInstanceBound()} and its members' leave notices are
 * announced once by a survivor.
 *
 * <p>Threading: {@code claim}, {@code who} and {@code history} are called on a client's virtual
 * thread and wait at most {@link dev.weft.redis.RedisEndpoint#commandTimeout()} for Redis;
 * {@code joined}, {@code renamed}, {@code left}, {@code release} and {@code publish} never wait
 * for it. What comes from other instances
 * is handed to {@link dev.weft.core.rooms.LocalRooms} on one receiving thread, in order. When Redis is
 * unreachable the local rooms keep working and the bridge reconnects by itself.
 *
 * <p>Not here: the rooms themselves (who is a member, local delivery, nickname rules) belong to
 * the chat-rooms service in {@code dev.weft.core.rooms}; the bridge only extends them. The Redis
 * protocol, keys, Lua scripts and threads are in the non-exported {@code internal} package.
 */
package dev.weft.redis;
