package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.RawHttpClient;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code dev.weft.RequestServed} JFR event: off by default, once per response on every path when enabled. */
class RequestServedEventTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void theEventIsOffUnlessARecordingEnablesIt() {
        assertNull(RequestServedEvent.beginIfEnabled(), "no recording asked for it: no event, no allocation");
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("dev.weft.RequestServed");
            stream.startAsync();
            assertNotNull(RequestServedEvent.beginIfEnabled());
        }
    }

    @Test
    void everyResponseIsRecordedOnceWithMethodRouteAndStatus() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("dev.weft.RequestServed");
            stream.onEvent("dev.weft.RequestServed", event -> seen.add(event.getString("method") + " "
                    + event.getString("route") + " " + event.getInt("status") + " " + !event.getDuration().isNegative()));
            stream.startAsync();
            HttpServer server = servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(List.of(
                    Route.get("/users/{id}", request -> Response.ok("user")),
                    Route.get("/bug", request -> {
                        throw new IllegalStateException("bug");
                    })))));
            HttpClient client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            for (String path : new String[] {"/users/7", "/missing", "/bug"}) {
                client.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).build(), BodyHandlers.discarding());
            }
            try (RawHttpClient raw = new RawHttpClient(server.port())) {
                assertEquals(400, raw.send("GET /users/8 HTTP/1.1\r\nBad Header: x\r\n\r\n").read().status());
            }
            Poll.untilEquals("one event per response", 4, seen::size);
        }
        assertEquals(Set.of("GET /users/{id} 200 true", "GET Not Found 404 true", "GET /bug 500 true",
                "GET Bad Request 400 true"), Set.copyOf(seen));
        assertTrue(seen.stream().noneMatch(line -> line.contains("/users/8")), "refused requests are not routed");
    }
}
