package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP/1.1 protocol over raw sockets, where a real client would normalise the bytes. */
@ExtendWith(PinningRecorder.class)
class HttpServerProtocolTest {

    private final CountDownLatch handlerEntered = new CountDownLatch(1);
    private final CountDownLatch releaseHandler = new CountDownLatch(1);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpServer server;

    private HttpServer start(HttpLimits limits) {
        List<Route> routes = List.of(
                Route.get("/hello", request -> Response.ok("Hello")),
                Route.post("/echo", request -> Response.bytes(Status.OK_200,
                        request.header("Content-Type").orElse("application/octet-stream"), request.bodyBytes())),
                Route.post("/ignore", request -> Response.ok("ignored")),
                Route.get("/boom", request -> {
                    throw new IllegalStateException("secret detail");
                }),
                Route.get("/stream", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                    out.write("one,".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write("two".getBytes(StandardCharsets.US_ASCII));
                })),
                Route.get("/block", request -> {
                    handlerEntered.countDown();
                    assertTrue(releaseHandler.await(5, TimeUnit.SECONDS));
                    return Response.ok("done");
                }));
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0).withLimits(limits), Router.of(routes)));
        return server;
    }

    private HttpServer start() {
        return start(HttpLimits.DEFAULTS);
    }

    /** Lets a handler a failed test left blocked end, before the extension stops the server. */
    @AfterEach
    void releaseBlockedHandler() {
        releaseHandler.countDown();
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawHttpClient.RawResponse response = client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals("HTTP/1.1 200 OK", response.statusLine());
                assertEquals("Hello", response.body());
                assertNull(response.header("Connection"));
            }
        }
    }

    @Test
    void connectionCloseIsHonouredAndAnswered() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response =
                    client.send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
            assertEquals(200, response.status());
            assertEquals("close", response.header("Connection"));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void http10ClosesAfterTheResponseByDefault() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send("GET /hello HTTP/1.0\r\n\r\n").read();
            assertEquals("Hello", response.body());
            assertEquals("close", response.header("Connection"));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void http10KeepsTheConnectionWhenAskedTo() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            for (int i = 0; i < 2; i++) {
                RawHttpClient.RawResponse response =
                        client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                assertEquals("keep-alive", response.header("Connection"));
                assertEquals("Hello", response.body());
            }
        }
    }

    @Test
    void pipelinedRequestsAreAllAnsweredInOrder() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
                    + "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nsecond");
            assertEquals("Hello", client.read().body());
            assertEquals("first", client.read().body());
            assertEquals(404, client.read().status());
            assertEquals("second", client.read().body());
        }
    }

    @Test
    void requestSentOneByteAtATimeIsAssembled() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            byte[] request = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    .getBytes(StandardCharsets.US_ASCII);
            for (byte b : request) {
                client.send(new byte[] {b});
            }
            assertEquals("abc", client.read().body());
        }
    }

    @Test
    void headIsAnsweredLikeGetWithoutTheBody() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse head = client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            assertEquals(200, head.status());
            assertEquals("5", head.header("Content-Length"));
            RawHttpClient.RawResponse next = client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals("Hello", next.body(), "no body bytes of the HEAD response precede the next one");
        }
    }

    @Test
    void everyResponseCarriesDateServerAndContentLength() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(404, response.status());
            assertEquals("Weft", response.header("Server"));
            assertTrue(response.header("Date").endsWith(" GMT"), response.header("Date"));
            assertEquals(String.valueOf(response.body().length()), response.header("Content-Length"));
        }
    }

    @Test
    void chunkedRequestBodyWithExtensionsAndTrailersIsDecoded() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: yes\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("hello world", client.read().body());
            assertEquals("Hello", client.read().body());
        }
    }

    @Test
    void streamedResponseOfUnknownLengthIsSentChunked() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals("chunked", response.header("Transfer-Encoding"));
            assertNull(response.header("Content-Length"));
            assertEquals("one,two", response.body());
            assertEquals("Hello", client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body());
        }
    }

    @Test
    void streamedResponseToHttp10IsDelimitedByClose() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            String raw = client.send("GET /stream HTTP/1.0\r\n\r\n").readToEnd();
            assertTrue(raw.startsWith("HTTP/1.1 200 OK\r\n"), raw);
            assertTrue(raw.endsWith("\r\n\r\none,two"), raw);
            assertFalse(raw.contains("chunked"), raw);
        }
    }

    @Test
    void expectContinueGetsContinueOnlyWhenTheHandlerReadsTheBody() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue", client.readLine());
            assertEquals("", client.readLine());
            assertEquals("body", client.send("body").read().body());
        }
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            RawHttpClient.RawResponse response = client.read();
            assertEquals(200, response.status(), "the final status comes without 100 Continue first");
            assertEquals("close", response.header("Connection"), "the unsent body leaves the framing open");
        }
    }

    @Test
    void expectContinueWithOversizedBodyIsRefusedEarlyWith413() throws IOException {
        start(HttpLimits.DEFAULTS.withMaxBodyBytes(10));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n");
            assertEquals("HTTP/1.1 413 Content Too Large", client.readLine());
        }
    }

    @Test
    void handlerFailureYields500WithoutItsDetails() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(500, response.status());
            assertFalse(response.body().contains("secret"), response.body());
            assertFalse(response.body().contains("IllegalStateException"), response.body());
            assertEquals("Hello", client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body());
        }
    }

    @Test
    void absoluteFormTargetIsServed() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response =
                    client.send("GET http://example.com/hello HTTP/1.1\r\nHost: example.com\r\n\r\n").read();
            assertEquals("Hello", response.body());
        }
    }

    @Test
    void slowlorisIsCutOffByTheHeaderDeadlineThoughEachByteArrivesInTime() throws Exception {
        start(HttpLimits.DEFAULTS.withHeaderTimeout(Duration.ofMillis(300)).withIdleTimeout(Duration.ofSeconds(30)));
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        try (RawHttpClient client = new RawHttpClient(server.port(), Duration.ofSeconds(10))) {
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n");
            AtomicInteger line = new AtomicInteger();
            // One header line every 20 ms: each read succeeds well within the idle timeout.
            trickler.scheduleAtFixedRate(() -> {
                try {
                    client.send("X-" + line.incrementAndGet() + ": y\r\n");
                } catch (IOException closedByServer) {
                    throw new IllegalStateException(closedByServer); // ends the schedule
                }
            }, 20, 20, TimeUnit.MILLISECONDS);
            // The trickler keeps sending after the server cut the connection, so it may end with a
            // reset rather than a FIN: either way it ends, and the request is never served.
            String answer = client.readUntilClosedOrReset();
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertFalse(answer.contains("Hello"), "the request is never served: " + answer);
        } finally {
            trickler.shutdownNow();
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        start(HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(200)));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            assertEquals(200, client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void bodyThatStopsArrivingIsCutOffByTheBodyReadTimeout() throws IOException {
        start(HttpLimits.DEFAULTS.withBodyReadTimeout(Duration.ofMillis(200)));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            assertTrue(client.closedByServer(), "the connection is closed once the body stalls");
        }
        try (RawHttpClient other = new RawHttpClient(server.port())) {
            assertEquals("Hello", other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body());
        }
    }

    @Test
    void lastRequestAllowedOnAConnectionIsAnsweredWithClose() throws IOException {
        start(HttpLimits.DEFAULTS.withMaxRequestsPerConnection(2));
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            assertNull(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().header("Connection"));
            assertEquals("close", client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().header("Connection"));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void stopClosesIdleConnectionsAtOnceAndLetsRequestsInProgressFinish() throws Exception {
        start();
        try (RawHttpClient idle = new RawHttpClient(server.port());
             RawHttpClient busy = new RawHttpClient(server.port())) {
            assertEquals(200, idle.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            busy.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(handlerEntered.await(5, TimeUnit.SECONDS));
            Thread stopper = Thread.ofVirtual().start(() -> server.stop(Duration.ofSeconds(5)));
            assertTrue(idle.closedByServer(), "the idle keep-alive connection is closed at once");
            releaseHandler.countDown();
            RawHttpClient.RawResponse response = busy.read();
            assertEquals("done", response.body());
            assertEquals("close", response.header("Connection"));
            stopper.join(10_000);
            assertFalse(stopper.isAlive());
        }
    }

    @Test
    void smugglingAttemptWithBothFramingsIsRefusedAndNothingElseIsServed() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            String raw = client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readToEnd();
            assertTrue(raw.startsWith("HTTP/1.1 400 Bad Request\r\n"), raw);
            assertFalse(raw.contains("Hello"), "the smuggled request must not be answered: " + raw);
        }
    }

    @Test
    void clientThatStopsMidBodyDoesNotDisturbOthers() throws IOException {
        start();
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial");
        }
        try (RawHttpClient other = new RawHttpClient(server.port())) {
            assertEquals("Hello", other.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").read().body());
        }
        assertNotNull(server.metrics());
    }

}
