package dev.weft.core.inject;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import jakarta.inject.Singleton;

/**
 * Provides the one {@link TcpServer} of an application with a single TCP server, built once per
 * component from the {@link TcpServerConfig} it binds (usually with {@code @BindsInstance}) and
 * the {@link ConnectionHandler} it binds, on the shared {@link ClientRegistry} of
 * {@link CoreModule}. An application with several TCP servers provides each one itself, under a
 * qualifier, the same way.
 */
@Module(includes = CoreModule.class)
public interface TcpServerModule {

    /**
     * The server; not started.
     *
     * @param config   the server's configuration
     * @param handler  runs once per connection
     * @param registry the registry the server's clients join
     * @return the server, not started
     */
    @Provides
    @Singleton
    static TcpServer tcpServer(TcpServerConfig config, ConnectionHandler handler, ClientRegistry registry) {
        return new TcpServer(config, handler, registry);
    }
}
