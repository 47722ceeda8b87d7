package dev.weft.samples.proxy;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.proxy.ProxyConfig;
import dev.weft.core.proxy.TcpProxy;
import jakarta.inject.Singleton;

/** Makes one {@link TcpProxy} the protocol of the proxy server. */
@Module
interface ProxyModule {

    @Provides
    @Singleton
    static TcpProxy proxy(ProxyConfig config) {
        return new TcpProxy(config);
    }

    @Binds
    ConnectionHandler handler(TcpProxy proxy);
}
