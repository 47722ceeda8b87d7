package dev.weft.http.inject;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import dev.weft.core.ClientRegistry;
import dev.weft.http.Filter;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Route;
import dev.weft.http.Router;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Builds an {@link HttpServer} from its {@link HttpServerConfig} (bound by the application,
 * typically with {@code @BindsInstance}) and the {@link Route}s and {@link Filter}s the
 * application contributes with {@code @IntoSet}. Include {@code CoreModule} too, for the shared
 * {@link ClientRegistry}.
 *
 * <pre>{@code
 * @Module interface HelloRoutes {
 *     @Provides @IntoSet static Route hello() { return Route.get("/hello", r -> Response.ok("Hello")); }
 * }
 * @Singleton @Component(modules = {CoreModule.class, HttpModule.class, HelloRoutes.class})
 * interface HelloComponent { HttpServer server(); ... }
 * }</pre>
 *
 * <p>Without Dagger: {@code new HttpServer(config, Router.of(routes), registry)}.
 */
@Module
public interface HttpModule {

    /** The application's routes; empty is allowed (every request is then answered 404). */
    @Multibinds
    Set<Route> routes();

    /** The application's filters; see {@link Router#Router(Set, Set)} for their order. */
    @Multibinds
    Set<Filter> filters();

    /** The server, serving the router over the configured address. */
    @Provides
    @Singleton
    static HttpServer httpServer(HttpServerConfig config, Router router, ClientRegistry registry) {
        return new HttpServer(config, router, registry);
    }
}
