package dev.weft.samples.udpecho;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import jakarta.inject.Singleton;

/** The UDP echo application: one UDP server running {@link UdpEchoHandler}. */
@Singleton
@Component(modules = UdpEchoModule.class)
public interface UdpEchoComponent {

    /** The echo server, not yet started. */
    UdpServer server();

    /** Creates the component from the server configuration. */
    @Component.Factory
    interface Factory {
        /** @param config where and how to receive */
        UdpEchoComponent create(@BindsInstance UdpServerConfig config);
    }
}
