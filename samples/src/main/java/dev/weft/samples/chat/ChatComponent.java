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
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import dev.weft.udp.inject.UdpModule;
import jakarta.inject.Singleton;

/**
 * The chat application: one TCP server running {@link ChatHandler} and, optionally, the UDP
 * relay, over one registry and one set of {@link ChatRooms}, so TCP clients and UDP peers share
 * the rooms and their nicknames. Each server is built once per component.
 */
@Singleton
@Component(modules = {CoreModule.class, RoomsModule.class, ChatModule.class, UdpModule.class})
public interface ChatComponent {

    /** The chat server, not yet started. */
    TcpServer server();

    /** The UDP relay's server on the same registry and rooms, not yet started; only built when asked for. */
    UdpServer udpServer();

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
         */
        ChatComponent create(@BindsInstance TcpServerConfig server, @BindsInstance ChatConfig chat,
                             @BindsInstance RoomsConfig rooms, @BindsInstance UdpServerConfig udp,
                             @BindsInstance RelayConfig relay);
    }
}
