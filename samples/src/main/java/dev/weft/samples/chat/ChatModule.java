package dev.weft.samples.chat;

import dagger.Binds;
import dagger.Module;
import dev.weft.core.ConnectionHandler;

/** Makes {@link ChatHandler} the protocol of the chat server. */
@Module
interface ChatModule {
    @Binds
    ConnectionHandler handler(ChatHandler handler);
}
