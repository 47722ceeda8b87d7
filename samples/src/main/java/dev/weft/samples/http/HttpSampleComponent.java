package dev.weft.samples.http;

import dagger.BindsInstance;
import dagger.Component;
import dev.weft.core.ClientRegistry;
import dev.weft.core.inject.CoreModule;
import dev.weft.core.limit.RateLimit;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.inject.HttpModule;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The {@code http} sample application: an HTTP server with the routes of {@link HttpSampleRoutes}
 * and, when configured, an HTTPS server with the same routes and filters, on one registry.
 */
@Singleton
@Component(modules = {CoreModule.class, HttpModule.class, HttpsServerModule.class, HttpSampleRoutes.class,
        HttpSampleFilters.class, HttpSampleMetrics.class})
public interface HttpSampleComponent {

    /**
     * The HTTP server, not yet started.
     *
     * @return the component's one server
     */
    HttpServer server();

    /**
     * The HTTPS server, not yet started; empty unless an HTTPS configuration was given.
     *
     * @return the HTTPS server, if configured
     */
    @Https
    Optional<HttpServer> httpsServer();

    /**
     * The application's registry of live clients.
     *
     * @return the registry
     */
    ClientRegistry registry();

    /** Creates the component from its configuration. */
    @Component.Factory
    interface Factory {
        /**
         * Creates the component.
         *
         * @param config        where and how to listen, and the request limits
         * @param https         where and how to listen for HTTPS (its certificate among it); empty
         *                      for no HTTPS server
         * @param staticContent the handler of {@code GET /static/*}
         * @param rateLimit     requests per second per client address, answered 429 beyond it
         * @return the component
         */
        HttpSampleComponent create(@BindsInstance HttpServerConfig config,
                                   @BindsInstance @Https Optional<HttpServerConfig> https,
                                   @BindsInstance @StaticContent HttpHandler staticContent,
                                   @BindsInstance @PerClientRateLimit Optional<RateLimit> rateLimit);
    }
}
