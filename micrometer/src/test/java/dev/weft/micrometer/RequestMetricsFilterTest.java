package dev.weft.micrometer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.HttpApp;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.testing.HttpTestClient;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.TestServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request timers and the Prometheus scrape, over sockets. */
@ExtendWith(ServerExtension.class)
class RequestMetricsFilterTest {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CountDownLatch release = new CountDownLatch(1);

    @TestServer
    final HttpServer server = new HttpServer(HttpServerConfig.loopback(0), HttpApp.create()
            .filter(new RequestMetricsFilter(meters))
            .get("/todos/{id}", request -> Response.ok("todo " + request.pathParameter("id")))
            .get("/slow", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                out.write("first ".getBytes(US_ASCII));
                out.flush();
                try {
                    if (!release.await(20, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("interrupted");
                }
                out.write("last".getBytes(US_ASCII));
            }))
            .get("/metrics", new PrometheusHandler(meters))
            .pipeline());

    private long count(String method, String route, String status) {
        Timer timer = meters.find(RequestMetricsFilter.NAME).tags("method", method, "route", route, "status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void everyResponseIsTimedByMethodRouteTemplateAndStatus(HttpTestClient client) throws IOException {
        client.get("/todos/1").assertStatus(200);
        client.get("/todos/123456").assertStatus(200);
        client.get("/nothing/here").assertStatus(404);
        client.request("POST", "/todos/1").send().assertStatus(405);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write("NOT HTTP\r\n\r\n".getBytes(US_ASCII));
            socket.getInputStream().readAllBytes();
        }
        // A response is timed once written, which may be just after the client has read it.
        Poll.until("every response is timed", () -> count("GET", "/todos/{id}", "200") == 2
                && count("GET", "UNMATCHED", "404") == 1 && count("POST", "UNMATCHED", "405") == 1
                && count("UNKNOWN", "UNMATCHED", "400") == 1);
        assertEquals(4, meters.find(RequestMetricsFilter.NAME).timers().size(), "one series per method, route, status");
        assertTrue(meters.find(RequestMetricsFilter.NAME).tags("route", "/todos/{id}").timer()
                .totalTime(TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void aStreamedResponseIsTimedWhenItsLastByteIsSent(HttpTestClient client) throws Exception {
        CompletableFuture<String> body = CompletableFuture.supplyAsync(() -> client.get("/slow").body());
        Poll.until("the response has started", () -> server.metrics().bytesWritten() > 0);
        assertEquals(0, count("GET", "/slow", "200"), "timed before its body was sent");
        release.countDown();
        assertEquals("first last", body.get(20, TimeUnit.SECONDS));
        Poll.until("the response is timed", () -> count("GET", "/slow", "200") == 1);
        assertTrue(meters.find(RequestMetricsFilter.NAME).tags("route", "/slow").timer().max(TimeUnit.NANOSECONDS) > 0);
    }

    @Test
    void prometheusScrapesTheTimersInTextOrOpenMetrics(HttpTestClient client) {
        client.get("/todos/7").assertStatus(200);
        Poll.until("the request is timed", () -> count("GET", "/todos/{id}", "200") == 1);
        client.get("/metrics")
                .assertStatus(200)
                .assertHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .assertBodyContains("http_server_requests_seconds_count{method=\"GET\",route=\"/todos/{id}\",status=\"200\"} 1")
                .assertBodyContains("# TYPE http_server_requests_seconds summary");
        String openMetrics = client.withHeader("Accept", "application/openmetrics-text; version=1.0.0")
                .withTimeout(Duration.ofSeconds(20)).get("/metrics")
                .assertStatus(200)
                .assertHeader("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                .body();
        assertTrue(openMetrics.endsWith("# EOF\n"), openMetrics);
    }

    @Test
    void theFilterSitsBetweenRequestIdAndAccessLog() {
        assertEquals(150, new RequestMetricsFilter(meters).ordered().order());
        assertTrue(dev.weft.http.filters.RequestIdFilter.ORDER < RequestMetricsFilter.ORDER
                && RequestMetricsFilter.ORDER < dev.weft.http.filters.AccessLogFilter.ORDER);
    }
}
