package dev.weft.http.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.ClientRequests;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.OrderedFilter;
import dev.weft.http.RawHttpClient;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access log over real sockets: one line per response, whatever the response. */
class AccessLogFilterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String TIME = "\\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\]";

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final RecordingLogger log = new RecordingLogger();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        Router router = Router.of(List.of(
                Route.get("/a", request -> Response.ok("ok")),
                Route.get("/bug", request -> {
                    throw new IllegalStateException("bug");
                }),
                Route.get("/me", request -> {
                    request.context().attribute(AccessLogFilter.USER, "ada \"admin\"");
                    return Response.ok("hi ada");
                }),
                Route.get("/stream", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                    out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write("abc".getBytes(StandardCharsets.US_ASCII));
                }))));
        HttpPipeline pipeline = HttpPipeline.builder(router).filters(Set.of(
                new OrderedFilter(RequestIdFilter.ORDER, new RequestIdFilter()),
                new OrderedFilter(AccessLogFilter.ORDER, new AccessLogFilter(AccessLogFilter.Format.COMBINED, log)),
                new OrderedFilter(CorsFilter.ORDER, new CorsFilter(CorsPolicy.builder().origins("https://app.example")
                        .build())))).build();
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0), pipeline));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private HttpResponse<String> get(String target, String... headers) throws Exception {
        return client.send(ClientRequests.to(server.uri(target), headers).build(), BodyHandlers.ofString());
    }

    private static void assertLine(String regex, String line) {
        assertTrue(Pattern.matches(regex, line), "line: " + line + "\npattern: " + regex);
    }

    @Test
    void aRoutedRequestIsLoggedInTheCombinedFormatWithItsSizeAndDuration() throws Exception {
        get("/a?x=1", "Referer", "https://ref.example/page", "User-Agent", "agent \"quoted\"");
        RecordingLogger.Line line = log.next(TIMEOUT);
        assertLine("127\\.0\\.0\\.1 - - " + TIME + " \"GET /a\\?x=1 HTTP/1\\.1\" 200 2 \"https://ref\\.example/page\" "
                + "\"agent \\\\\"quoted\\\\\"\" \\d+", line.message());
    }

    @Test
    void notFoundAndFailuresAreLoggedWithTheirStatus() throws Exception {
        get("/missing");
        assertLine(".*\"GET /missing HTTP/1\\.1\" 404 10 .*", log.next(TIMEOUT).message());
        get("/bug");
        assertLine(".*\"GET /bug HTTP/1\\.1\" 500 22 .*", log.next(TIMEOUT).message());
    }

    @Test
    void theUserAnInnerFilterOrHandlerStoresIsLoggedEscaped() throws Exception {
        get("/me");
        assertLine("127\\.0\\.0\\.1 - ada \\\\\"admin\\\\\" " + TIME + " \"GET /me HTTP/1\\.1\" 200 6 .*",
                log.next(TIMEOUT).message());
    }

    @Test
    void aStreamedBodyIsLoggedWithTheBytesActuallyWritten() throws Exception {
        assertEquals("0123456789abc", get("/stream").body());
        assertLine(".*\"GET /stream HTTP/1\\.1\" 200 13 .*", log.next(TIMEOUT).message());
    }

    @Test
    void aRequestRefusedBeforeRoutingPassesTheAccessLogAndTheCorsFilter() throws Exception {
        try (RawHttpClient raw = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = raw.send("GET /a?x=1 HTTP/1.1\r\nHost: a\r\n"
                    + "Origin: https://app.example\r\nUser-Agent: raw\r\nBad Header: x\r\n\r\n").read();
            assertEquals(400, response.status());
            assertEquals("https://app.example", response.header("Access-Control-Allow-Origin"),
                    "a script may read why its request failed");
            assertTrue(response.header("X-Request-Id") != null, "and it has a request id");
            assertEquals("close", response.header("Connection"));
        }
        assertLine(".*\"GET /a\\?x=1 HTTP/1\\.1\" 400 \\d+ \"-\" \"raw\" \\d+", log.next(TIMEOUT).message());
    }

    @Test
    void aRequestLineThatCannotBeReadIsLoggedAsADash() throws Exception {
        try (RawHttpClient raw = new RawHttpClient(server.port())) {
            assertEquals(400, raw.send("\u0001\u0002 what\r\n\r\n").read().status());
        }
        assertLine("127\\.0\\.0\\.1 - - " + TIME + " \"-\" 400 \\d+ \"-\" \"-\" \\d+", log.next(TIMEOUT).message());
    }
}
