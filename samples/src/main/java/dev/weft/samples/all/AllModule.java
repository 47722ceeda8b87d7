package dev.weft.samples.all;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.samples.chat.ChatHandler;
import dev.weft.samples.echo.EchoHandler;
import jakarta.inject.Singleton;

/**
 * The two TCP servers of the {@code all} sample, each with its own protocol, each built once per
 * component under its qualifier, both on the component's one registry; the chat's handler is on
 * the component's one {@code ChatRooms}, which the UDP relay shares.
 */
@Module
interface AllModule {

    @Provides
    @Singleton
    @EchoServer
    static TcpServer echoServer(@EchoServer TcpServerConfig config, EchoHandler handler, ClientRegistry registry) {
        return new TcpServer(config, handler, registry);
    }

    @Provides
    @Singleton
    @ChatServer
    static TcpServer chatServer(@ChatServer TcpServerConfig config, ChatHandler handler, ClientRegistry registry) {
        return new TcpServer(config, handler, registry);
    }
}
