package dev.weft.samples.http;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.ClientRegistry;
import dev.weft.core.inject.CoreModule;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.inject.HttpModule;
import jakarta.inject.Singleton;

/** The {@code http} sample application: one HTTP server with the routes of {@link HttpSampleRoutes}. */
@Singleton
@Component(modules = {CoreModule.class, HttpModule.class, HttpSampleRoutes.class})
public interface HttpSampleComponent {

    /** The HTTP server, not yet started. */
    HttpServer server();

    /** The application's registry of live clients. */
    ClientRegistry registry();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * @param config        where and how to listen, and the request limits
         * @param staticContent the handler of {@code GET /static/*}
         */
        HttpSampleComponent create(@BindsInstance HttpServerConfig config,
                                   @BindsInstance @StaticContent HttpHandler staticContent);
    }
}
