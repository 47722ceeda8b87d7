package dev.weft.udp.inject;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpRelay;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import jakarta.inject.Singleton;

/**
 * Provides the {@link UdpRelay} of a Dagger component, wired to the component's one
 * {@link ClientRegistry} (from {@code CoreModule}), and the {@link UdpServer} that runs it.
 *
 * <p>The application binds the configuration, typically with {@code @BindsInstance
 * UdpServerConfig} and {@code @BindsInstance RelayConfig}. Both are singletons: a relay serves
 * exactly one server. A component that also has a {@code TcpServer} shares the registry with it,
 * so TCP clients and UDP peers meet in the same rooms (see {@code dev.weft.udp.ChatPresence}).
 */
@Module
public interface UdpModule {

    /** The relay, its peers registered in the application's registry. */
    @Provides
    @Singleton
    static UdpRelay udpRelay(RelayConfig config, ClientRegistry registry) {
        return new UdpRelay(config, registry);
    }

    /** The server that runs the relay; start it with {@link UdpServer#start()}. */
    @Provides
    @Singleton
    static UdpServer udpRelayServer(UdpServerConfig config, UdpRelay relay) {
        return new UdpServer(config, relay);
    }
}
