package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API seen through a real client, {@code java.net.http.HttpClient}. */
@ExtendWith(PinningRecorder.class)
class HttpClientInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        List<Route> routes = List.of(
                Route.get("/query", request -> Response.ok(request.query().all("tag") + " "
                        + request.queryParameter("name").orElse("-"))),
                Route.get("/users/{id}/items/{item}", request -> Response.rawJson(Status.OK_200,
                        "{\"id\":\"" + request.pathParameter("id") + "\",\"item\":\"" + request.pathParameter("item") + "\"}")),
                Route.post("/text", request -> Response.ok(request.bodyText() + "|" + request.charset())),
                Route.post("/count", request -> {
                    long total = 0;
                    try (InputStream body = request.body()) {
                        byte[] buffer = new byte[8192];
                        for (int n; (n = body.read(buffer)) > 0; ) {
                            total += n;
                        }
                    }
                    return Response.ok(Long.toString(total));
                }),
                Route.post("/echo", request -> Response.bytes(Status.OK_200, "application/octet-stream",
                        request.bodyBytes())),
                Route.get("/remote", request -> Response.ok(request.remoteAddress().getAddress().getHostAddress())),
                Route.get("/stream", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                    for (int i = 0; i < 1000; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                })),
                Route.put("/created", request -> Response.of(Status.CREATED_201).withHeader("Location", "/x")));
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(routes)));
        client = servers.closeAfterwards(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(server.uri(path));
    }

    @Test
    void queryParametersAreDecoded() throws Exception {
        HttpResponse<String> response = send(to("/query?tag=a&tag=b%20c&name=x+y"));
        assertEquals("[a, b c] x y", response.body());
    }

    @Test
    void pathParametersReachTheHandler() throws Exception {
        HttpResponse<String> response = send(to("/users/42/items/caf%C3%A9"));
        assertEquals("{\"id\":\"42\",\"item\":\"café\"}", response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void textBodyIsDecodedWithTheDeclaredCharset() throws Exception {
        HttpResponse<String> latin = send(to("/text").header("Content-Type", "text/plain; charset=ISO-8859-1")
                .POST(BodyPublishers.ofString("café", StandardCharsets.ISO_8859_1)));
        assertEquals("café|ISO-8859-1", latin.body());
        HttpResponse<String> unknown = send(to("/text").header("Content-Type", "text/plain; charset=nope")
                .POST(BodyPublishers.ofString("x")));
        assertEquals(415, unknown.statusCode());
    }

    @Test
    void largeStreamedRequestBodyIsReadAsAStream() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        HttpResponse<String> response = send(to("/count").POST(BodyPublishers.ofByteArray(body)));
        assertEquals(Integer.toString(body.length), response.body());
        HttpResponse<String> chunked = send(to("/count").POST(BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body))));
        assertEquals(Integer.toString(body.length), chunked.body(), "a body of unknown length is sent chunked");
    }

    @Test
    void largeBodyIsEchoedIntactInBothDirections() throws Exception {
        byte[] body = new byte[1 << 20];
        new Random(3).nextBytes(body);
        HttpResponse<byte[]> response = client.send(to("/echo").POST(BodyPublishers.ofByteArray(body))
                .timeout(TIMEOUT).build(), BodyHandlers.ofByteArray());
        assertArrayEquals(body, response.body());
    }

    @Test
    void remoteAddressIsTheClients() throws Exception {
        assertEquals("127.0.0.1", send(to("/remote")).body());
    }

    @Test
    void streamedResponseArrivesWhole() throws Exception {
        HttpResponse<String> response = send(to("/stream"));
        assertEquals(1000, response.body().lines().count());
        assertTrue(response.body().endsWith("line 999\n"));
    }

    @Test
    void emptyResponseHasStatusHeadersAndZeroLength() throws Exception {
        HttpResponse<String> response = send(to("/created").PUT(BodyPublishers.noBody()));
        assertEquals(201, response.statusCode());
        assertEquals("/x", response.headers().firstValue("Location").orElseThrow());
        assertEquals("0", response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void manyConcurrentRequestsAreAllServed() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(client.sendAsync(to("/users/" + i + "/items/x").timeout(TIMEOUT).build(),
                    BodyHandlers.ofString()));
        }
        for (int i = 0; i < futures.size(); i++) {
            assertTrue(futures.get(i).get().body().contains("\"id\":\"" + i + "\""));
        }
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals(404, send(to("/nothing")).statusCode());
        HttpResponse<String> wrong = send(to("/remote").DELETE());
        assertEquals(405, wrong.statusCode());
        assertEquals("GET, HEAD, OPTIONS", wrong.headers().firstValue("Allow").orElseThrow());
    }

}
