package dev.weft.samples.files;

import dagger.Binds;
import dagger.Module;
import dev.weft.core.ConnectionHandler;

/** Makes {@link FileServerHandler} the protocol of the file server. */
@Module
interface FilesModule {
    @Binds
    ConnectionHandler handler(FileServerHandler handler);
}
