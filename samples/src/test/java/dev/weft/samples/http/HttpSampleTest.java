package dev.weft.samples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.files.StaticFiles;
import dev.weft.samples.Samples;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class HttpSampleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        server = servers.start(DaggerHttpSampleComponent.factory()
                .create(HttpServerConfig.loopback(0), Optional.empty(), BundledPage.load(), Optional.empty())
                .server());
        client = servers.closeAfterwards(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(HttpServer target, String path) {
        return HttpRequest.newBuilder(target.uri(path));
    }

    @Test
    void helloIsExactlyHelloWorldAsPlainText() throws Exception {
        HttpResponse<String> response = send(to(server, "/hello"));
        assertEquals(200, response.statusCode());
        assertEquals("Hello, World!", response.body());
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("13", response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void echoReturnsTheBodyWithItsContentType() throws Exception {
        HttpResponse<String> response = send(to(server, "/echo").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"a\":1}")));
        assertEquals("{\"a\":1}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void userIsASmallJsonDocumentWithTheIdEscaped() throws Exception {
        assertEquals("{\"id\":\"42\"}", send(to(server, "/users/42")).body());
        assertEquals("{\"id\":\"a\\\"b\"}", send(to(server, "/users/a%22b")).body());
    }

    @Test
    void metricsReportsTheServersOwnCountersForPrometheus() throws Exception {
        send(to(server, "/hello"));
        HttpResponse<String> response = send(to(server, "/metrics"));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("weft_server_connections_active{server=\"http\"} 1.0"), response.body());
        assertTrue(response.body().contains("weft_clients 0.0"), response.body());
        assertTrue(response.body().contains("weft_server_sent_bytes_total{server=\"http\"}"), response.body());
        assertTrue(response.body().contains("weft_http2_connections_total{server=\"http\"} 0.0"), response.body());
        assertTrue(response.body().contains("weft_http2_floods_total{kind=\"rapid_reset\",server=\"http\"} 0.0"),
                response.body());
    }

    @Test
    void clientsCountsTheRegistryClientsWhichNeverIncludeHttpExchanges() throws Exception {
        assertEquals("0\n", send(to(server, "/clients")).body());
    }

    @Test
    void staticServesTheBundledPageByDefault() throws Exception {
        HttpResponse<String> page = send(to(server, "/static/"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Weft</h1>"), page.body());
        assertEquals(404, send(to(server, "/static/other.css")).statusCode());
    }

    @Test
    void staticServesTheGivenDirectory(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("app.js"), "console.log(1)");
        HttpServer withFiles = servers.start(DaggerHttpSampleComponent.factory()
                .create(HttpServerConfig.loopback(0), Optional.empty(), new StaticFiles(directory), Optional.empty())
                .server());
        HttpResponse<String> file = send(to(withFiles, "/static/app.js"));
        assertEquals("console.log(1)", file.body());
        assertEquals("text/javascript; charset=utf-8", file.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals(404, send(to(server, "/nope")).statusCode());
        HttpResponse<String> wrong = send(to(server, "/hello").POST(BodyPublishers.noBody()));
        assertEquals(405, wrong.statusCode());
        assertEquals("GET, HEAD, OPTIONS", wrong.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void helpListsTheOptions() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true));
            assertEquals(0, Samples.run(new String[] {"http", "--help"}));
        } finally {
            System.setOut(out);
        }
        assertTrue(printed.toString().contains("--static=DIR"), printed.toString());
    }
}
