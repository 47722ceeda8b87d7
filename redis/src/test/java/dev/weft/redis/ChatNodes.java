package dev.weft.redis;

import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The chat instances of one test, closed after it (before its Redis is killed):
 * {@code @RegisterExtension final ChatNodes nodes = new ChatNodes();}.
 */
final class ChatNodes implements AfterEachCallback {

    private final List<ChatNode> started = new ArrayList<>();

    /** Starts an instance with the test configuration and waits until it is connected to Redis. */
    ChatNode connected(RedisServer redis, String name) {
        return connected(ChatNode.config(redis, name));
    }

    /** Starts an instance and waits until it is connected to Redis. */
    ChatNode connected(RoomBridgeConfig config) {
        ChatNode node = start(config);
        Poll.until(config.instanceName() + " to connect to Redis", node.bridge::connected);
        return node;
    }

    /** Starts an instance without waiting for Redis. */
    ChatNode start(RoomBridgeConfig config) {
        ChatNode node = new ChatNode(config);
        started.add(node);
        return node;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(ChatNode::close);
        started.clear();
    }
}
