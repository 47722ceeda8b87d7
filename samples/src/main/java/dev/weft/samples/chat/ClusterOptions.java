package dev.weft.samples.chat;

import dev.weft.redis.RedisEndpoint;
import dev.weft.redis.RoomBridgeConfig;
import dev.weft.samples.cli.RedisUri;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that make a chat instance one of a cluster sharing its rooms through Redis —
 * {@code --redis URI} and {@code --instance NAME} — for every sample that runs the chat (a
 * picocli mixin).
 */
public final class ClusterOptions {

    @Option(names = "--redis", paramLabel = "URI", converter = RedisUri.class,
            description = "share the chat rooms with every instance using this Redis, e.g. redis://127.0.0.1:6379 (default: none)")
    private Optional<RedisEndpoint> redis = Optional.empty();

    @Option(names = "--instance", paramLabel = "NAME",
            description = "this instance's name in the cluster, shown to the others (default: chat-<process id>)")
    private Optional<String> instance = Optional.empty();

    /** For picocli. */
    public ClusterOptions() {
    }

    /**
     * The Redis bridge's configuration, if {@code --redis} was given.
     *
     * @return the configuration with the documented defaults and this instance's name
     * @throws IllegalArgumentException if the instance name is not allowed
     */
    public Optional<RoomBridgeConfig> bridge() {
        String name = instance.orElse("chat-" + ProcessHandle.current().pid());
        return redis.map(endpoint -> RoomBridgeConfig.of(endpoint, name));
    }
}
