package dev.weft.http.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.inject.CoreModule;
import dev.weft.http.ExceptionMapping;
import dev.weft.http.Filter;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.OrderedFilter;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Status;
import dev.weft.http.health.HealthStatus;
import dev.weft.http.health.NamedCheck;
import dev.weft.testing.ServerExtension;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Dagger component: routes, filters and mappers contributed from several modules with a
 * defined order, the health routes, and a route that reports the server's own metrics through a
 * {@code Provider<HttpServer>} — which would be a dependency cycle if it asked for the server.
 */
class HttpComponentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A failure of the application's domain, mapped to 404. */
    static final class NoSuchTodo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchTodo(String id) {
            super("no todo " + id);
        }
    }

    @Module
    interface Routes {
        @Provides
        @IntoSet
        static Route todo() {
            return Route.get("/todos/{id}", request -> {
                throw new NoSuchTodo(request.pathParameter("id"));
            });
        }

        @Provides
        @IntoSet
        static Route metrics(Provider<HttpServer> server) {
            return Route.get("/metrics", request -> Response.ok("accepted " + server.get().metrics().accepted()));
        }

        @Provides
        @IntoSet
        static ExceptionMapping noSuchTodo() {
            return ExceptionMapping.of(NoSuchTodo.class, (e, request) -> Response.text(Status.NOT_FOUND_404, e.getMessage()));
        }

        @Provides
        @IntoSet
        static NamedCheck ready() {
            return NamedCheck.readiness("always", HealthStatus::up);
        }
    }

    /** Filters from two modules; their order comes from their numbers, not from the set. */
    @Module
    interface OuterFilters {
        @Provides
        @IntoSet
        static OrderedFilter outer() {
            return new OrderedFilter(100, (request, next) -> next.handle(request).withHeader("X-Trail", "outer"));
        }
    }

    @Module
    interface InnerFilters {
        @Provides
        @IntoSet
        static OrderedFilter inner() {
            return new OrderedFilter(200, Filter.after((request, response) -> response.withHeader("X-Trail", "inner")));
        }
    }

    @Singleton
    @Component(modules = {CoreModule.class, HttpModule.class, HealthModule.class, Routes.class, InnerFilters.class,
            OuterFilters.class})
    interface TodoComponent {
        HttpServer server();

        @Component.Factory
        interface Factory {
            TodoComponent create(@BindsInstance HttpServerConfig config);
        }
    }

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void theComponentBuildsOneServerWhoseMetricsRouteReportsItWithoutACycle() throws Exception {
        TodoComponent component = DaggerHttpComponentTest_TodoComponent.factory().create(HttpServerConfig.loopback(0));
        HttpServer server = servers.start(component.server());
        assertSame(server, component.server(), "built once per component");
        HttpClient client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(server.uri("/metrics")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().matches("accepted [1-9]\\d*"), "the route sees the running server: " + metrics.body());
        assertEquals("inner, outer", String.join(", ", metrics.headers().allValues("X-Trail")),
                "order 200 runs inside order 100, whichever module contributed them");

        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(server.uri("/todos/7")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertEquals("no todo 7", missing.body(), "the contributed mapper answered");

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri("/health/ready")).timeout(TIMEOUT)
                .build(), BodyHandlers.ofString());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"always\":{\"status\":\"UP\"}}}", health.body());
    }
}
