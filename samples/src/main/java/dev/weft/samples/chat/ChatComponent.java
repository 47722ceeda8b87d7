package dev.weft.samples.chat;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.CoreModule;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import dev.weft.udp.inject.UdpModule;
import jakarta.inject.Singleton;

/**
 * The chat application: one TCP server running {@link ChatHandler} and, optionally, the UDP
 * relay, both over the one shared registry, so TCP clients and UDP peers share the rooms.
 */
@Singleton
@Component(modules = {CoreModule.class, ChatModule.class, UdpModule.class})
public interface ChatComponent {

    /** The chat server, not yet started. */
    TcpServer server();

    /** The UDP relay's server on the same registry, not yet started; only built when asked for. */
    UdpServer udpServer();

    /** The application's registry of live clients. */
    ClientRegistry registry();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param server where and how to listen for TCP clients
         * @param chat   the chat's own limits
         * @param udp    where and how the UDP relay receives, if it is started
         * @param relay  the UDP relay's limits
         */
        ChatComponent create(@BindsInstance TcpServerConfig server, @BindsInstance ChatConfig chat,
                             @BindsInstance UdpServerConfig udp, @BindsInstance RelayConfig relay);
    }
}
