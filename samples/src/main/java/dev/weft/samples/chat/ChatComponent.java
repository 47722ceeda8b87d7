package dev.weft.samples.chat;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.CoreModule;
import jakarta.inject.Singleton;

/** The chat application: one TCP server running {@link ChatHandler} over the shared registry. */
@Singleton
@Component(modules = {CoreModule.class, ChatModule.class})
public interface ChatComponent {

    /** The chat server, not yet started. */
    TcpServer server();

    /** The application's registry of live clients. */
    ClientRegistry registry();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param server where and how to listen
         * @param chat   the chat's own limits
         */
        ChatComponent create(@BindsInstance TcpServerConfig server, @BindsInstance ChatConfig chat);
    }
}
