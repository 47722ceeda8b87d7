package dev.weft.samples.http;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.ClientRegistry;
import dev.weft.http.HttpHandler;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Status;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
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

    /**
     * {@code GET /ws/echo}: a WebSocket endpoint that echoes every message as it came, text as
     * text, binary as binary. Messages and frames up to 16 MiB are accepted (the largest the
     * Autobahn conformance suite sends), the outbound queue holds as much, {@code
     * permessage-deflate} is offered, and a page of any origin may connect: an echo carries no
     * authority a cookie could lend it.
     */
    WebSocketConfig ECHO_CONFIG = WebSocketConfig.builder()
            .maxMessageAndFrameBytes(16 << 20)
            .outboundQueueBytes(16 << 20)
            .permessageDeflate(true)
            .origins(OriginPolicy.any())
            .build();

    /** {@code GET /ws/echo}: see {@link #ECHO_CONFIG}. */
    @Provides
    @IntoSet
    static Route webSocketEcho() {
        return Route.websocket("/ws/echo", ECHO_CONFIG, session -> {
            Message message;
            while ((message = session.receive()) != null) {
                session.send(message);
            }
        });
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
