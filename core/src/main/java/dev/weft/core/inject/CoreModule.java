package dev.weft.core.inject;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import jakarta.inject.Singleton;

/**
 * Provides the one {@link ClientRegistry} of a Dagger component.
 *
 * <p>Servers are not provided here: an application builds each {@link dev.weft.core.TcpServer}
 * once, in a {@code @Provides @Singleton} method of its own module (under a qualifier when it has
 * several), passing this registry, so that a component never holds two copies of a server.
 */
@Module
public interface CoreModule {

    /**
     * The application-wide registry shared by all servers of the component.
     *
     * @return a new, empty registry, one per component
     */
    @Provides
    @Singleton
    static ClientRegistry clientRegistry() {
        return ClientRegistry.create();
    }
}
