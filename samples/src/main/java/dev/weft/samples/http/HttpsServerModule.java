package dev.weft.samples.http;

import dagger.Module;
import dagger.Provides;
import dev.weft.core.ClientRegistry;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Router;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The {@code http} sample's second server: the same routes and filters over HTTPS, on the same
 * registry, when the sample was given an HTTPS configuration ({@code --https-port}).
 */
@Module
interface HttpsServerModule {

    @Provides
    @Singleton
    @Https
    static Optional<HttpServer> httpsServer(@Https Optional<HttpServerConfig> config, Router router,
                                            ClientRegistry registry) {
        return config.map(https -> new HttpServer(https, router, registry));
    }
}
