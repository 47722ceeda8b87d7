package dev.weft.core.inject;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsConfig;
import jakarta.inject.Singleton;

/**
 * Provides the one {@link ChatRooms} of a Dagger component, shared by every chat protocol the
 * application serves — the TCP chat's handler, the UDP relay ({@code dev.weft.udp.inject.UdpModule}
 * takes it from here) and WebSocket chat — so that their clients meet in the same rooms.
 *
 * <p>The application binds the {@link RoomsConfig}, typically with {@code @BindsInstance
 * RoomsConfig} on its component's factory ({@link RoomsConfig#DEFAULTS} for the defaults).
 */
@Module
public interface RoomsModule {

    /**
     * The application-wide rooms.
     *
     * @param config the rooms' limits and default room
     * @return the rooms, one per component
     */
    @Provides
    @Singleton
    static ChatRooms chatRooms(RoomsConfig config) {
        return new ChatRooms(config);
    }
}
