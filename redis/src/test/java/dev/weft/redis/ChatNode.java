package dev.weft.redis;

import java.time.Duration;

/**
 * One chat instance in a test: a {@link RedisRoomBridge} over {@link RecordingRooms}, with the
 * calls the chat-rooms service would make around it (local membership first, then the bridge).
 */
final class ChatNode implements AutoCloseable {

    final RecordingRooms rooms = new RecordingRooms();
    final RedisRoomBridge bridge;

    ChatNode(RoomBridgeConfig config) {
        this.bridge = new RedisRoomBridge(config, rooms).start();
    }

    /** A configuration for tests: fast heartbeats and reconnection, short timeouts. */
    static RoomBridgeConfig config(RedisServer redis, String name) {
        RedisEndpoint endpoint = RedisEndpoint.of(redis.uri())
                .withCommandTimeout(Duration.ofMillis(500))
                .withConnectTimeout(Duration.ofMillis(500))
                .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(300));
        return RoomBridgeConfig.of(endpoint, name)
                .withPresence(new PresenceTiming(Duration.ofMillis(200), Duration.ofSeconds(2)));
    }

    static ChatNode start(RedisServer redis, String name) {
        return new ChatNode(config(redis, name));
    }

    /** A member joins: local membership, then the cluster's claim; undone if refused. */
    ClaimOutcome join(String room, String nickname) {
        rooms.add(room, nickname);
        ClaimOutcome outcome = bridge.join(room, nickname);
        if (!outcome.granted()) {
            rooms.remove(room, nickname);
        }
        return outcome;
    }

    void leave(String room, String nickname) {
        rooms.remove(room, nickname);
        bridge.leave(room, nickname);
    }

    boolean say(String room, String nickname, String text) {
        return bridge.publish(room, nickname, text);
    }

    @Override
    public void close() {
        bridge.close();
    }
}
