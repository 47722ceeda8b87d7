package dev.weft.samples.http;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.ClientRegistry;
import dev.weft.http.HttpHandler;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Status;
import java.nio.charset.StandardCharsets;

/**
 * The routes of the {@code http} sample, each contributed to the router's set; public so that the
 * {@code all} sample serves the same ones.
 */
@Module
public interface HttpSampleRoutes {

    /** The one response of {@code GET /hello}, built once: benchmarks measure the server, not this. */
    Response HELLO = Response.bytes(Status.OK_200, "text/plain", "Hello, World!".getBytes(StandardCharsets.US_ASCII));

    /** {@code GET /hello}: exactly {@code Hello, World!} as {@code text/plain}. */
    @Provides
    @IntoSet
    static Route hello() {
        return Route.get("/hello", request -> HELLO);
    }

    /** {@code POST /echo}: the request body, with the request's content type. */
    @Provides
    @IntoSet
    static Route echo() {
        return Route.post("/echo", request -> Response.bytes(Status.OK_200,
                request.header("Content-Type").orElse("application/octet-stream"), request.bodyBytes()));
    }

    /** {@code GET /users/{id}}: a small JSON document naming the id. */
    @Provides
    @IntoSet
    static Route user() {
        return Route.get("/users/{id}", request -> Response.rawJson(Status.OK_200,
                "{\"id\":" + JsonText.quote(request.pathParameter("id")) + "}"));
    }

    /** {@code GET /clients}: how many clients the shared registry holds now. */
    @Provides
    @IntoSet
    static Route clients(ClientRegistry registry) {
        return Route.get("/clients", request -> Response.ok(registry.size() + "\n"));
    }

    /** {@code GET /static/*}: the files of {@code --static DIR}, or the bundled page. */
    @Provides
    @IntoSet
    static Route staticFiles(@StaticContent HttpHandler content) {
        return Route.get("/static/*", content);
    }
}
