package dev.weft.samples.udpecho;

import dagger.Module;
import dagger.Provides;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import jakarta.inject.Singleton;

/** The UDP echo server, built once per component, running {@link UdpEchoHandler}. */
@Module
interface UdpEchoModule {

    @Provides
    @Singleton
    static UdpServer server(UdpServerConfig config, UdpEchoHandler handler) {
        return new UdpServer(config, handler);
    }
}
