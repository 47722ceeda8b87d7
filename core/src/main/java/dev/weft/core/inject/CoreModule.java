package dev.weft.core.inject;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import jakarta.inject.Singleton;

/**
 * Provides the one {@link ClientRegistry} of a Dagger component.
 *
 * <p>A component that includes this module and binds a {@code TcpServerConfig} and a
 * {@code ConnectionHandler} can inject a {@link dev.weft.core.TcpServer} directly (its
 * constructor is {@code @Inject}). An application with several TCP servers builds each one in
 * a {@code @Provides} method of its own, under a qualifier, passing the same registry.
 */
@Module
public interface CoreModule {

    /** The application-wide registry shared by all servers of the component. */
    @Provides
    @Singleton
    static ClientRegistry clientRegistry() {
        return new ClientRegistry();
    }
}
