package dev.weft.samples.chat;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.CoreModule;
import dev.weft.core.inject.RoomsModule;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.inject.HttpModule;
import dev.weft.redis.RedisRoomBridge;
import dev.weft.redis.RoomBridgeConfig;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import dev.weft.udp.inject.UdpModule;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The chat application: one TCP server running {@link ChatHandler} and, optionally, the UDP
 * relay, over one registry and one set of {@link ChatRooms}, so TCP clients and UDP peers share
 * the rooms and their nicknames; optionally an HTTP server (its routes contributed by
 * {@link ChatHttpRoutes} and, later, the web chat) and a Redis bridge sharing the rooms with
 * other instances ({@link ChatClusterModule}). Each server is built once per component.
 */
@Singleton
@Component(modules = {CoreModule.class, RoomsModule.class, ChatModule.class, UdpModule.class, HttpModule.class,
    ChatHttpRoutes.class, ChatClusterModule.class})
public interface ChatComponent {

    /** The chat server, not yet started. */
    TcpServer server();

    /** The UDP relay's server on the same registry and rooms, not yet started; only built when asked for. */
    UdpServer udpServer();

    /**
     * The HTTP server ({@code GET /health}, the web chat at {@code /chat} and {@code /ws/chat}) on
     * the same registry and rooms, not yet started; only built when asked for.
     */
    HttpServer httpServer();

    /** The bridge sharing the rooms with other instances through Redis, attached and not yet started; empty without Redis. */
    Optional<RedisRoomBridge> cluster();

    /** The application's registry of live clients. */
    ClientRegistry registry();

    /** The rooms shared by the TCP chat and the UDP relay. */
    ChatRooms rooms();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param server where and how to listen for TCP clients
         * @param chat   the TCP chat's line limit
         * @param rooms  the rooms' default room and limits, for every protocol
         * @param udp    where and how the UDP relay receives, if it is started
         * @param relay  the UDP relay's limits
         * @param http   where the HTTP server listens, if it is started
         * @param redis  the Redis bridge's configuration, or empty for rooms on their own
         */
        ChatComponent create(@BindsInstance TcpServerConfig server, @BindsInstance ChatConfig chat,
                             @BindsInstance RoomsConfig rooms, @BindsInstance UdpServerConfig udp,
                             @BindsInstance RelayConfig relay, @BindsInstance HttpServerConfig http,
                             @BindsInstance Optional<RoomBridgeConfig> redis);
    }
}
