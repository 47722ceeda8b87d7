package dev.weft.samples.httpproxy;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.inject.CoreModule;
import dev.weft.core.pool.ConnectionPool;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.inject.HttpModule;
import jakarta.inject.Singleton;

/** The HTTP reverse proxy application. */
@Singleton
@Component(modules = {CoreModule.class, HttpModule.class, HttpProxyRoutes.class})
public interface HttpProxyComponent {

    /** The HTTP server, not yet started. */
    HttpServer server();

    /** Creates the component. */
    @Component.Factory
    interface Factory {
        /**
         * @param config where and how to listen
         * @param pool   the connections to the upstream; the caller closes it after the server
         */
        HttpProxyComponent create(@BindsInstance HttpServerConfig config, @BindsInstance ConnectionPool pool);
    }
}
