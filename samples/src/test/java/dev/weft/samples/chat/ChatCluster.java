package dev.weft.samples.chat;

import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The chat instances of one test, closed after it — before its Redis is killed, as long as this is
 * registered after {@code RedisServerExtension}: {@code @RegisterExtension final ChatCluster
 * cluster = new ChatCluster();}.
 */
final class ChatCluster implements AfterEachCallback {

    private final List<AutoCloseable> started = new ArrayList<>();

    /** Starts an instance and waits until it is linked to Redis. */
    ChatInstance connected(RedisServer redis, String name) throws IOException {
        ChatInstance instance = ChatInstance.start(redis.uri(), name);
        started.add(instance);
        Poll.until(name + " to connect to Redis", instance.bridge::connected);
        return instance;
    }

    /** Closes {@code resource} after the test, before the instances (clients, say). */
    <T extends AutoCloseable> T closeLater(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable resource : started.reversed()) {
            resource.close();
        }
        started.clear();
    }
}
