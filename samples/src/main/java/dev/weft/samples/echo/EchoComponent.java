package dev.weft.samples.echo;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.TcpServerModule;
import jakarta.inject.Singleton;

/** The echo application: one TCP server running {@link EchoHandler}. */
@Singleton
@Component(modules = {TcpServerModule.class, EchoModule.class})
public interface EchoComponent {

    /** The echo server, not yet started. */
    TcpServer server();

    /** Creates the component from the server configuration. */
    @Component.Factory
    interface Factory {
        /** @param config where and how to listen */
        EchoComponent create(@BindsInstance TcpServerConfig config);
    }
}
