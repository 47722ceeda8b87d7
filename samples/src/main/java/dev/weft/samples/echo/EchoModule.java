package dev.weft.samples.echo;

import dagger.Binds;
import dagger.Module;
import dev.weft.core.ConnectionHandler;

/** Makes {@link EchoHandler} the protocol of the echo server. */
@Module
interface EchoModule {
    @Binds
    ConnectionHandler handler(EchoHandler handler);
}
