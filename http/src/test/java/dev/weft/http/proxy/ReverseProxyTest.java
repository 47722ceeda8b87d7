package dev.weft.http.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.pool.ConnectionPool;
import dev.weft.core.pool.PoolConfig;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class ReverseProxyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private List<Route> upstreamRoutes;
    private HttpServer upstream;
    private HttpServer proxyServer;
    private ConnectionPool pool;
    private HttpClient client;

    @BeforeEach
    void startUpstream() {
        List<Route> routes = List.of(
                Route.get("/hello/{name}", request -> Response.ok("hello " + request.pathParameter("name")
                        + " " + request.rawQuery())),
                Route.post("/echo", request -> Response.ok(request.bodyText())),
                Route.get("/chunked", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                    for (int i = 0; i < 1_000; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                })),
                Route.get("/headers", request -> Response.ok(request.header("Host").orElse("-") + "|"
                        + request.header("X-Forwarded-For").orElse("-") + "|"
                        + request.header("X-Forwarded-Host").orElse("-"))),
                Route.get("/missing", request -> Response.text(Status.NOT_FOUND_404, "nothing here\n")
                        .withHeader("X-Upstream", "yes")),
                Route.get("/slow", request -> {
                    slowEntered.countDown();
                    slowRelease.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    return Response.ok("slow");
                }));
        upstreamRoutes = routes;
        upstream = startUpstream(HttpLimits.DEFAULTS.idleTimeout());
        client = servers.closeAfterwards(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /** Lets a slow request a failed test left waiting end, before the extension stops the servers. */
    @AfterEach
    void releaseSlowRequest() {
        slowRelease.countDown();
    }

    private HttpServer startUpstream(Duration keepAliveTimeout) {
        HttpServerConfig config = HttpServerConfig.loopback(0)
                .withLimits(HttpLimits.DEFAULTS.withIdleTimeout(keepAliveTimeout));
        return servers.start(new HttpServer(config, Router.of(upstreamRoutes)));
    }

    private void startProxy(PoolConfig poolConfig) {
        pool = servers.closeAfterwards(new ConnectionPool(poolConfig));
        ReverseProxy proxy = new ReverseProxy(pool, "/proxy", ReverseProxy.Limits.DEFAULTS);
        proxyServer = servers.start(new HttpServer(HttpServerConfig.loopback(0),
                Router.of(List.of(Route.get("/proxy/*", proxy), Route.post("/proxy/*", proxy)))));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(proxyServer.uri(path)).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.yield();
        }
    }

    @Test
    void requestsAreForwardedOverOneReusedUpstreamConnection() throws Exception {
        startProxy(PoolConfig.of(upstream.localAddress()));
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = get("/proxy/hello/n" + i + "?q=" + i);
            assertEquals(200, response.statusCode());
            assertEquals("hello n" + i + " q=" + i, response.body());
        }
        assertEquals(1, upstream.metrics().accepted(), "the upstream saw one connection for ten requests");
        assertEquals(9, pool.metrics().reused());
    }

    @Test
    void bodiesStatusesAndChunkedAnswersComeThrough() throws Exception {
        startProxy(PoolConfig.of(upstream.localAddress()));
        HttpResponse<String> echo = client.send(HttpRequest.newBuilder(proxyServer.uri("/proxy/echo"))
                .timeout(TIMEOUT).POST(BodyPublishers.ofString("posted body")).build(), BodyHandlers.ofString());
        assertEquals("posted body", echo.body());
        HttpResponse<String> chunked = get("/proxy/chunked");
        assertEquals(200, chunked.statusCode());
        assertEquals(1_000, chunked.body().lines().count());
        assertTrue(chunked.body().endsWith("line 999\n"));
        HttpResponse<String> missing = get("/proxy/missing");
        assertEquals(404, missing.statusCode());
        assertEquals("nothing here\n", missing.body());
        assertEquals("yes", missing.headers().firstValue("X-Upstream").orElseThrow());
        assertEquals(1, upstream.metrics().accepted());
    }

    @Test
    void theUpstreamSeesItsOwnHostAndTheForwardingHeaders() throws Exception {
        startProxy(PoolConfig.of(upstream.localAddress()));
        InetSocketAddress up = upstream.localAddress();
        String[] seen = get("/proxy/headers").body().split("\\|");
        assertEquals(up.getHostString() + ":" + up.getPort(), seen[0]);
        assertEquals("127.0.0.1", seen[1]);
        assertEquals("127.0.0.1:" + proxyServer.port(), seen[2]);
    }

    @Test
    void aConnectionTheUpstreamClosedWhileIdleIsNotHandedOutAgain() throws Exception {
        upstream.stop(Duration.ZERO);
        upstream = startUpstream(Duration.ofMillis(200));
        startProxy(PoolConfig.of(upstream.localAddress()));
        assertEquals(200, get("/proxy/hello/a").statusCode());
        awaitTrue(() -> upstream.metrics().closed() == 1, "the upstream's keep-alive timeout to close the connection");
        assertEquals("hello b ", get("/proxy/hello/b").body());
        assertEquals(2, upstream.metrics().accepted());
        assertEquals(1, pool.metrics().discarded(), "validation found the connection closed");
    }

    @Test
    void anUnreachableUpstreamIsABadGateway() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        startProxy(PoolConfig.of(new InetSocketAddress("127.0.0.1", closedPort)));
        HttpResponse<String> response = get("/proxy/hello/x");
        assertEquals(502, response.statusCode());
        assertEquals("Bad Gateway\n", response.body());
    }

    @Test
    void anExhaustedPoolAnswers503WithRetryAfter() throws Exception {
        startProxy(PoolConfig.of(upstream.localAddress()).withMaxConnections(1)
                .withAcquireTimeout(Duration.ofMillis(100)));
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(proxyServer.uri("/proxy/slow")).timeout(TIMEOUT).build(), BodyHandlers.ofString());
        assertTrue(slowEntered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        HttpResponse<String> refused = get("/proxy/hello/x");
        assertEquals(503, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        slowRelease.countDown();
        assertEquals("slow", slow.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).body());
    }
}
