package dev.weft.samples.chat;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import jakarta.inject.Singleton;

/** The chat's TCP server, built once per component, running {@link ChatHandler} on the component's registry. */
@Module
interface ChatModule {

    @Provides
    @Singleton
    static TcpServer chatServer(TcpServerConfig config, ChatHandler handler, ClientRegistry registry) {
        return new TcpServer(config, handler, registry);
    }
}
