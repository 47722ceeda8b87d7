package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.ClientRegistry;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Request;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.http.websocket.WebSocketMetrics;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A real {@link HttpServer} on an ephemeral loopback port serving one endpoint at every path
 * ({@code /*}), with a filter that records each request it sees: sessions run exactly as
 * applications get them, through the pipeline and the HTTP/1.1 loop.
 */
final class TestWebSocketServer implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final HttpServer server;
    /** Every request that reached the pipeline, in order. */
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    TestWebSocketServer(WebSocketConfig config, WebSocketEndpoint endpoint) throws IOException {
        this(config, endpoint, ClientRegistry.create());
    }

    TestWebSocketServer(WebSocketConfig config, WebSocketEndpoint endpoint, ClientRegistry registry)
            throws IOException {
        HttpPipeline pipeline = HttpPipeline.builder(Router.of(List.of(Route.websocket("/*", config, endpoint))))
                .filter((request, next) -> {
                    requests.add(request);
                    return next.handle(request);
                })
                .build();
        this.server = new HttpServer(HttpServerConfig.loopback(0), pipeline, registry).start();
    }

    int port() {
        return server.port();
    }

    /** {@code ws://127.0.0.1:port} followed by {@code path}. */
    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    WebSocketMetrics metrics() {
        return server.webSocketMetrics();
    }

    HttpServer server() {
        return server;
    }

    /** Stops the server and checks that no thread of it is left. */
    @Override
    public void close() {
        server.stop(GRACE);
        assertEquals(0, server.metrics().threads(), "threads of the server left after stop");
    }
}
