package dev.weft.http.inject;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import dev.weft.core.ClientRegistry;
import dev.weft.http.ExceptionMapping;
import dev.weft.http.FormLimits;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.OrderedFilter;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.json.JsonCodec;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the one {@link HttpServer} of a component from its {@link HttpServerConfig} (bound by the
 * application, typically with {@code @BindsInstance}) and the {@link HttpPipeline} of what the
 * application contributes: {@link Route}s, {@link OrderedFilter}s and {@link ExceptionMapping}s
 * with {@code @IntoSet}, and optionally a {@link JsonCodec} and {@link FormLimits} (bind them, e.g.
 * {@code @Provides static JsonCodec json() {...}}; without a codec, the one ServiceLoader finds is
 * used). Include {@code CoreModule} too, for the shared {@link ClientRegistry}.
 *
 * <pre>{@code
 * @Module interface HelloRoutes {
 *     @Provides @IntoSet static Route hello() { return Route.get("/hello", r -> Response.ok("Hello")); }
 *     @Provides @IntoSet static OrderedFilter accessLog() { return new OrderedFilter(AccessLogFilter.ORDER, new AccessLogFilter()); }
 * }
 * @Singleton @Component(modules = {CoreModule.class, HttpModule.class, HelloRoutes.class})
 * interface HelloComponent { HttpServer server(); ... }
 * }</pre>
 *
 * <p><b>Order.</b> Routes are matched by template, never by set order; filters run in their
 * {@link OrderedFilter#order()} (two with one order fail at startup); mappers answer by exception
 * type, most specific first (two for one type fail at startup). Nothing depends on a set's
 * iteration order.
 *
 * <p><b>A route that reports the server's metrics</b> would make a cycle (the server needs the
 * routes, the route needs the server); ask for a {@code Provider<HttpServer>} (or
 * {@code Lazy<HttpServer>}) in its {@code @Provides} method and call it per request: the
 * {@code @Singleton} server is built once and the route gets that one.
 *
 * <p>Without Dagger: {@code new HttpServer(config, HttpPipeline.builder(Router.of(routes))...build(), registry)}.
 */
@Module
public interface HttpModule {

    /**
     * The application's routes; empty is allowed (every request is then answered 404).
     *
     * @return the routes
     */
    @Multibinds
    Set<Route> routes();

    /**
     * The application's filters, each with its order.
     *
     * @return the filters
     */
    @Multibinds
    Set<OrderedFilter> filters();

    /**
     * The application's exception mappings.
     *
     * @return the mappings
     */
    @Multibinds
    Set<ExceptionMapping> exceptionMappings();

    /**
     * The application's JSON codec, if it binds one.
     *
     * @return the codec
     */
    @BindsOptionalOf
    JsonCodec jsonCodec();

    /**
     * The application's form limits, if it binds them.
     *
     * @return the limits
     */
    @BindsOptionalOf
    FormLimits formLimits();

    /**
     * The pipeline of the server: the filters in order around the router, and the error model.
     *
     * @param router   the router of the contributed routes
     * @param filters  the contributed filters
     * @param mappings the contributed exception mappings
     * @param json     the bound JSON codec, if any
     * @param forms    the bound form limits, if any
     * @return the pipeline
     */
    @Provides
    @Singleton
    static HttpPipeline pipeline(Router router, Set<OrderedFilter> filters, Set<ExceptionMapping> mappings,
                                 Optional<JsonCodec> json, Optional<FormLimits> forms) {
        HttpPipeline.Builder builder = HttpPipeline.builder(router).filters(filters).exceptions(mappings);
        json.ifPresent(builder::json);
        forms.ifPresent(builder::forms);
        return builder.build();
    }

    /**
     * The server, serving the pipeline over the configured address.
     *
     * @param config   the configuration
     * @param pipeline the pipeline
     * @param registry the shared client registry
     * @return the server, not started
     */
    @Provides
    @Singleton
    static HttpServer httpServer(HttpServerConfig config, HttpPipeline pipeline, ClientRegistry registry) {
        return new HttpServer(config, pipeline, registry);
    }
}
