package dev.weft.http.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.ClientRegistry;
import dev.weft.core.inject.CoreModule;
import dev.weft.http.Filter;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.OrderedFilter;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Dagger module builds a working server from contributed routes and filters. */
class HttpModuleTest {

    @Module
    interface TestRoutes {
        @Provides
        @IntoSet
        static Route hello() {
            return Route.get("/hello", request -> Response.ok("hi"));
        }

        @Provides
        @IntoSet
        static Route clients(ClientRegistry registry) {
            return Route.get("/clients", request -> Response.ok(Integer.toString(registry.size())));
        }

        @Provides
        @IntoSet
        static OrderedFilter tag() {
            return new OrderedFilter(1000, Filter.after((request, response) -> response.withHeader("X-Filtered", "yes")));
        }
    }

    @Singleton
    @Component(modules = {CoreModule.class, HttpModule.class, TestRoutes.class})
    interface TestComponent {
        HttpServer server();

        ClientRegistry registry();

        @Component.Factory
        interface Factory {
            TestComponent create(@BindsInstance HttpServerConfig config);
        }
    }

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void componentServesContributedRoutesThroughContributedFilters() throws Exception {
        TestComponent component = DaggerHttpModuleTest_TestComponent.factory().create(HttpServerConfig.loopback(0));
        HttpServer server = servers.start(component.server());
        assertSame(component.registry(), server.registry(), "the server joins the component's registry");
        try (HttpClient client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(server.uri("/hello")).timeout(Duration.ofSeconds(5))
                    .build(), BodyHandlers.ofString());
            assertEquals("hi", response.body());
            assertEquals("yes", response.headers().firstValue("X-Filtered").orElseThrow());
            var clients = client.send(HttpRequest.newBuilder(server.uri("/clients")).timeout(Duration.ofSeconds(5))
                    .build(), BodyHandlers.ofString());
            assertEquals("0", clients.body(), "an HTTP exchange is never a client of the shared registry");
        }
    }
}
