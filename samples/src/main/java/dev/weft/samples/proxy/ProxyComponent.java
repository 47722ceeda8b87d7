package dev.weft.samples.proxy;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.inject.TcpServerModule;
import dev.weft.core.proxy.ProxyConfig;
import dev.weft.core.proxy.TcpProxy;
import jakarta.inject.Singleton;

/** The proxy application: one TCP server whose handler is a {@link TcpProxy}. */
@Singleton
@Component(modules = {TcpServerModule.class, ProxyModule.class})
public interface ProxyComponent {

    /** The listening server, not yet started. */
    TcpServer server();

    /** The proxy: its backends, metrics and health checks (closed after the server). */
    TcpProxy proxy();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param server where and how to listen, including the per-address admission
         * @param proxy  the backends and how to balance them
         */
        ProxyComponent create(@BindsInstance TcpServerConfig server, @BindsInstance ProxyConfig proxy);
    }
}
