package dev.weft.samples.httpproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.pool.ConnectionPool;
import dev.weft.core.pool.PoolConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class HttpProxySampleTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private HttpServer upstream;
    private ConnectionPool pool;
    private HttpServer proxy;
    private final HttpClient client = servers.closeAfterwards(HttpClient.newHttpClient());

    @BeforeEach
    void start() {
        upstream = servers.start(new HttpServer(HttpServerConfig.loopback(0),
                Router.of(List.of(Route.get("/hello", request -> Response.ok("Hello, World!"))))));
        pool = servers.closeAfterwards(new ConnectionPool(PoolConfig.of(upstream.localAddress())));
        proxy = servers.start(DaggerHttpProxyComponent.factory().create(HttpServerConfig.loopback(0), pool).server());
    }

    @Test
    void proxyRoutesReachTheUpstreamOverOneKeepAliveConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxy.uri("/proxy/hello"))
                    .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("Hello, World!", response.body());
        }
        assertEquals(1, upstream.metrics().accepted());
        String metrics = client.send(HttpRequest.newBuilder(proxy.uri("/pool")).timeout(Duration.ofSeconds(5)).build(),
                BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("created=1, reused=4"), metrics);
    }
}
