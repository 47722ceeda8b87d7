package dev.weft.samples.files;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.TcpServerModule;
import jakarta.inject.Singleton;

/** The file server application: one TCP server running {@link FileServerHandler}. */
@Singleton
@Component(modules = {TcpServerModule.class, FilesModule.class})
public interface FilesComponent {

    /** The file server, not yet started. */
    TcpServer server();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param server where and how to listen
         * @param files  the served directory and the limits
         */
        FilesComponent create(@BindsInstance TcpServerConfig server, @BindsInstance FilesConfig files);
    }
}
