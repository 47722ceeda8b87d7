package dev.weft.redis;

import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.NicknameClaim;
import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import java.time.Duration;

/**
 * One chat instance in a test: a {@link RedisRoomBridge} over {@link RecordingRooms}, with the
 * calls the chat-rooms service would make around it (local membership first, then the bridge).
 */
final class ChatNode implements AutoCloseable {

    final RecordingRooms rooms = new RecordingRooms();
    final RedisRoomBridge bridge;
    private long published;

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

    /**
     * A member joins: local membership, then the cluster's claim; undone if refused. Once it
     * returns, the join notice has been published (when Redis is up), so an instance joining
     * later does not get it: tests know which notices to expect.
     */
    NicknameClaim join(String room, String nickname) {
        rooms.add(room, nickname);
        NicknameClaim outcome = bridge.claim(room, nickname);
        if (!outcome.granted()) {
            rooms.remove(room, nickname);
            return outcome;
        }
        bridge.joined(room, nickname);
        if (outcome instanceof NicknameClaim.Claimed) {
            published++;
            settle();
        }
        return outcome;
    }

    /** A member leaves; returns once the leave notice is published. */
    void leave(String room, String nickname) {
        rooms.remove(room, nickname);
        bridge.left(room, nickname, LeaveReason.LEFT);
        published++;
        settle();
    }

    /** A member renames; returns once the change is published (when Redis is up). */
    NicknameClaim rename(String room, String from, String to) {
        NicknameClaim outcome = bridge.claim(room, to);
        if (outcome.granted()) {
            bridge.renamed(room, from, to);
        }
        if (outcome instanceof NicknameClaim.Claimed) {
            rooms.remove(room, from);
            rooms.add(room, to);
            published++;
            settle();
        }
        return outcome;
    }

    boolean say(String room, String nickname, String text) {
        boolean accepted = bridge.publish(room, nickname, text);
        if (accepted) {
            published++;
        }
        return accepted;
    }

    /** Waits until everything this node said so far is published. */
    void settle() {
        long expected = published;
        Poll.until(bridge.instanceName() + " to publish " + expected + " messages",
                () -> bridge.metrics().delivery().published() >= expected);
    }

    @Override
    public void close() {
        bridge.close();
    }
}
