package dev.weft.udp.inject;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpRelay;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import jakarta.inject.Singleton;

/**
 * Provides the {@link UdpRelay} of a Dagger component, on the component's one
 * {@link ClientRegistry} (from {@code dev.weft.core.inject.CoreModule}) and one {@link ChatRooms}
 * (from {@code dev.weft.core.inject.RoomsModule}), and the {@link UdpServer} that runs it — each
 * built once per component.
 *
 * <p>The application includes those two modules and binds the configuration, typically with
 * {@code @BindsInstance UdpServerConfig}, {@code @BindsInstance RelayConfig} and
 * {@code @BindsInstance RoomsConfig}. A component that also serves a TCP chat on the same rooms
 * shares them with the relay's peers: the two protocols' clients meet in the same rooms, under
 * nicknames unique across both. The server is the component's unqualified {@code UdpServer}; an
 * application serving another datagram handler too provides that server under a qualifier.
 */
@Module
public interface UdpModule {

    /**
     * The relay, its peers members of the application's rooms and clients of its registry.
     *
     * @param config   the relay's limits and timings
     * @param rooms    the application's rooms, shared with the other chat protocols
     * @param registry the application's registry
     * @return the relay, one per component
     */
    @Provides
    @Singleton
    static UdpRelay udpRelay(RelayConfig config, ChatRooms rooms, ClientRegistry registry) {
        return new UdpRelay(config, rooms, registry);
    }

    /**
     * The server that runs the relay; start it with {@link UdpServer#start()}.
     *
     * @param config the server's configuration
     * @param relay  the relay it runs
     * @return the server, not started
     */
    @Provides
    @Singleton
    static UdpServer udpRelayServer(UdpServerConfig config, UdpRelay relay) {
        return new UdpServer(config, relay);
    }
}
