package dev.weft.samples.all;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.CoreModule;
import dev.weft.core.inject.RoomsModule;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.inject.HttpModule;
import dev.weft.samples.chat.ChatConfig;
import dev.weft.samples.http.HttpSampleRoutes;
import dev.weft.samples.http.StaticContent;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import dev.weft.udp.inject.UdpModule;
import dev.weft.redis.RedisRoomBridge;
import dev.weft.redis.RoomBridgeConfig;
import dev.weft.samples.chat.ChatClusterModule;
import dev.weft.samples.chat.ChatHttpRoutes;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The {@code all} application: the HTTP server with the {@code http} sample's routes, the echo
 * server, the chat server and the chat's UDP relay in one process, over one registry and one set
 * of {@link ChatRooms} shared by the TCP chat and the relay — the shape the soak test
 * ({@code scripts/soak.sh}) drives. Its HTTP server also serves the chat's routes ({@code GET
 * /health}, the web chat at {@code /chat} and {@code /ws/chat}) and the echo at {@code /ws/echo};
 * with a Redis bridge configuration the chat's rooms are shared with other instances. Each server
 * is built once per component.
 */
@Singleton
@Component(modules = {CoreModule.class, RoomsModule.class, HttpModule.class, HttpSampleRoutes.class, UdpModule.class,
    AllModule.class, ChatHttpRoutes.class, ChatClusterModule.class})
public interface AllComponent {

    /** The HTTP server, not yet started. */
    HttpServer httpServer();

    /** The echo server, not yet started. */
    @EchoServer
    TcpServer echoServer();

    /** The chat server, not yet started. */
    @ChatServer
    TcpServer chatServer();

    /** The UDP relay's server, sharing the chat's rooms; not yet started. */
    UdpServer udpServer();

    /** The bridge sharing the chat's rooms with other instances through Redis, not yet started; empty without Redis. */
    Optional<RedisRoomBridge> cluster();

    /** The application's registry of live clients, of every protocol. */
    ClientRegistry registry();

    /** The rooms shared by the TCP chat and the UDP relay. */
    ChatRooms rooms();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param http  where the HTTP server listens, and its limits
         * @param staticContent the handler of {@code GET /static/*}
         * @param echo  where the echo server listens
         * @param chat  where the chat server listens
         * @param limits the TCP chat's line limit
         * @param rooms the rooms' default room and limits, shared by the TCP chat and the relay
         * @param udp   where the UDP relay receives
         * @param relay the UDP relay's limits
         * @param redis the Redis bridge's configuration, or empty for rooms on their own
         */
        AllComponent create(@BindsInstance HttpServerConfig http,
                            @BindsInstance @StaticContent HttpHandler staticContent,
                            @BindsInstance @EchoServer TcpServerConfig echo,
                            @BindsInstance @ChatServer TcpServerConfig chat,
                            @BindsInstance ChatConfig limits,
                            @BindsInstance RoomsConfig rooms,
                            @BindsInstance UdpServerConfig udp,
                            @BindsInstance RelayConfig relay,
                            @BindsInstance Optional<RoomBridgeConfig> redis);
    }
}
