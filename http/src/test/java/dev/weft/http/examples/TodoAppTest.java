package dev.weft.http.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.ServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The todo example, end to end over real sockets: JSON CRUD, filter, 404 mapper, page, health, metrics, TCP. */
class TodoAppTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private TodoApp.Running app;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        app = servers.closeAfterwards(TodoApp.start(0, 0));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(app.http().uri(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
    }

    @Test
    void todosAreCreatedListedFilteredFetchedAndDeleted() throws Exception {
        HttpResponse<String> created = send("POST", "/todos", "{\"title\":\"milk\",\"done\":false}");
        assertEquals(201, created.statusCode());
        assertEquals("{\"id\":1,\"title\":\"milk\",\"done\":false}", created.body());
        assertEquals("/todos/1", created.headers().firstValue("Location").orElseThrow());
        send("POST", "/todos", "{\"title\":\"bread\",\"done\":true}");
        assertEquals("[{\"id\":2,\"title\":\"bread\",\"done\":true}]", send("GET", "/todos?done=true", null).body());
        assertEquals(2, send("GET", "/todos", null).body().split("\"id\"").length - 1);
        assertEquals("{\"id\":1,\"title\":\"milk\",\"done\":false}", send("GET", "/todos/1", null).body());
        assertEquals(204, send("DELETE", "/todos/1", null).statusCode());
        HttpResponse<String> gone = send("GET", "/todos/1", null);
        assertEquals(404, gone.statusCode());
        assertEquals("{\"error\":\"no todo 1\"}", gone.body());
    }

    @Test
    void badInputIsAnsweredWithProblemDetails() throws Exception {
        assertEquals(400, send("GET", "/todos?done=maybe", null).statusCode());
        assertEquals(400, send("GET", "/todos/one", null).statusCode());
        HttpResponse<String> malformed = send("POST", "/todos", "{\"title\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void thePageHealthAndMetricsAreServed() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Todos</h1>"));
        assertEquals("{\"status\":\"UP\",\"checks\":{\"lines\":{\"status\":\"UP\"}}}", send("GET", "/health", null).body());
        HttpResponse<String> metrics = send("GET", "/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("\"clients\":0"), metrics.body());
        assertTrue(metrics.body().contains("\"accepted\":"), metrics.body());
    }

    @Test
    void theLineServiceSharesTheRegistryAndHearsOfNewTodos() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.lines().port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write("how many?\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("0 todos", in.readLine());
            assertTrue(send("GET", "/metrics", null).body().contains("\"clients\":1"), "the line client is registered");
            send("POST", "/todos", "{\"title\":\"eggs\",\"done\":false}");
            assertEquals("new todo: eggs", in.readLine());
        }
    }
}
