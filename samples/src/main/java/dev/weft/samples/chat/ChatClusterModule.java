package dev.weft.samples.chat;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.redis.RedisRoomBridge;
import dev.weft.redis.RoomBridgeConfig;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The chat rooms' cluster, when the application is given a Redis bridge configuration: a
 * {@link RedisRoomBridge} attached to the component's {@link ChatRooms}, built once and not yet
 * started (the application starts it before its servers and closes it after them). Public so that
 * every sample running the chat wires it the same way.
 */
@Module
public interface ChatClusterModule {

    /** The bridge, attached to the rooms, or empty when the rooms are on their own. */
    @Provides
    @Singleton
    static Optional<RedisRoomBridge> bridge(Optional<RoomBridgeConfig> config, ChatRooms rooms) {
        return config.map(bridgeConfig -> RedisRoomBridge.attachedTo(rooms, bridgeConfig));
    }
}
