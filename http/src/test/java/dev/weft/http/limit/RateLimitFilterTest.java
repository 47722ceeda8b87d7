package dev.weft.http.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.limit.RateLimit;
import dev.weft.http.Headers;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.PinningRecorder;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PinningRecorder.class)
class RateLimitFilterTest {

    private static final InetSocketAddress ALICE = new InetSocketAddress("10.0.0.1", 5_000);
    private static final InetSocketAddress BOB = new InetSocketAddress("10.0.0.2", 5_000);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private static Request request(InetSocketAddress from, String path) {
        return new Request(Method.GET, path, path, "", "HTTP/1.1", Headers.EMPTY, Map.of(),
                InputStream.nullInputStream(), from);
    }

    private static int status(RateLimitFilter filter, Request request) throws Exception {
        return filter.filter(request, r -> Response.ok("ok")).status().code();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aBurstUpToTheBucketPassesThenTheClientGets429WithRetryAfter() throws Exception {
        RateLimitFilter filter = RateLimitFilter.perAddress(new RateLimit(5, 5), 1_000, nanos::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, status(filter, request(ALICE, "/")), "request " + i + " of the burst");
        }
        Response limited = filter.filter(request(ALICE, "/"), r -> Response.ok("ok"));
        assertEquals(429, limited.status().code());
        assertEquals("1", limited.headers().first("Retry-After").orElseThrow());
        assertEquals(200, status(filter, request(BOB, "/")), "another address is unaffected");
        advance(Duration.ofMillis(200));
        assertEquals(200, status(filter, request(ALICE, "/")), "one token back after 1/5 s");
    }

    @Test
    void theConfiguredRateHoldsOverATenSecondWindow() throws Exception {
        RateLimitFilter filter = RateLimitFilter.perAddress(new RateLimit(20, 5), 1_000, nanos::get);
        int passed = 0;
        for (int tick = 0; tick < 10_000; tick++) {   // one request per millisecond for 10 s
            if (status(filter, request(ALICE, "/")) == 200) {
                passed++;
            }
            advance(Duration.ofMillis(1));
        }
        assertTrue(Math.abs(passed - (5 + 20 * 10)) <= 1, "passed " + passed);
    }

    @Test
    void perAddressAndPathKeepsABudgetPerPath() throws Exception {
        RateLimitFilter filter = RateLimitFilter.perAddressAndPath(new RateLimit(1, 1), 1_000, nanos::get);
        assertEquals(200, status(filter, request(ALICE, "/a")));
        assertEquals(429, status(filter, request(ALICE, "/a")));
        assertEquals(200, status(filter, request(ALICE, "/b")));
    }

    @Test
    void aRealServerAnswers429OnceTheBurstIsUsed() throws Exception {
        // One token per 100 s: the refill can never let a fourth request through during the test.
        RateLimitFilter filter = RateLimitFilter.perAddress(new RateLimit(0.01, 3));
        try (HttpServer server = new HttpServer(HttpServerConfig.loopback(0),
                HttpPipeline.builder(Router.of(List.of(Route.get("/", r -> Response.ok("ok"))))).filter(filter).build())
                .start();
             HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/")).timeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.send(request, BodyHandlers.ofString()).statusCode());
            }
            HttpResponse<String> limited = client.send(request, BodyHandlers.ofString());
            assertEquals(429, limited.statusCode());
            assertEquals("Too Many Requests\n", limited.body());
            assertEquals("100", limited.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(1, filter.limiter().limited());
        }
    }
}
