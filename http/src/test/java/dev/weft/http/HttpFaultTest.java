package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.ServerConfig;
import dev.weft.core.SocketIo;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that misbehave at the socket level: each is dealt with within its configured timeout,
 * counted, and leaves no connection thread or registry entry behind, while everyone else is served.
 */
@ExtendWith(PinningRecorder.class)
class HttpFaultTest {

    private static final String GET_HELLO = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final int LARGE_RESPONSE_BYTES = 64 << 20;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpServer server;

    private void start(ServerConfig tcp, HttpLimits limits) {
        List<Route> routes = List.of(
                Route.get("/hello", request -> Response.ok("Hello")),
                Route.get("/large", request -> Response.stream(Status.OK_200, "application/octet-stream", out -> {
                    byte[] chunk = new byte[64 * 1024];
                    for (int written = 0; written < LARGE_RESPONSE_BYTES; written += chunk.length) {
                        out.write(chunk);
                    }
                })));
        server = servers.start(new HttpServer(new HttpServerConfig(tcp, limits, "Weft"), Router.of(routes)));
    }

    private void start(HttpLimits limits) {
        start(HttpServerConfig.loopback(0).server(), limits);
    }

    /** Nothing of the faulty clients is left, and a well-behaved client is served. */
    private void assertRecoveredAndServing() throws IOException {
        Poll.untilEqual("active connections", 0, () -> server.metrics().active());
        long ownThreads = server.socketIo() == SocketIo.EPOLL ? 3 : 1;
        Poll.untilEqual("server threads (the acceptor, and the poller and its master with epoll)", ownThreads,
                () -> server.metrics().threads());
        Poll.untilEqual("registry size", 0, () -> server.registry().size());
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            assertEquals("Hello", client.send(GET_HELLO).read().body());
        }
    }

    @Test
    void clientsThatResetInTheMiddleOfARequestLeaveNothingBehind() throws IOException {
        start(HttpLimits.DEFAULTS);
        int clients = 50;
        for (int i = 0; i < clients; i++) {
            try (Socket socket = connect()) {
                write(socket, i % 2 == 0 ? "GET /hello HTTP/1.1\r\nHo" : "POST /hello HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc");
                socket.setSoLinger(true, 0); // close() now sends RST
            }
        }
        Poll.untilEqual("connections closed", clients, () -> server.metrics().closed());
        assertRecoveredAndServing();
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestStillGetsTheWholeResponse() throws IOException {
        start(HttpLimits.DEFAULTS);
        try (Socket socket = connect()) {
            write(socket, GET_HELLO);
            socket.shutdownOutput();
            // The server answers, reads the end of the stream where the next request would be, and closes.
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\nHello"), response);
        }
        assertRecoveredAndServing();
    }

    @Test
    void aClientThatHalfClosesInTheMiddleOfAHeadIsClosedWithoutAResponse() throws IOException {
        start(HttpLimits.DEFAULTS);
        try (Socket socket = connect()) {
            write(socket, "GET /hello HTTP/1.1\r\nHost: x\r\n");
            socket.shutdownOutput();
            assertEquals(0, socket.getInputStream().readAllBytes().length);
        }
        Poll.untilEqual("connections closed", 1, () -> server.metrics().closed());
        assertRecoveredAndServing();
    }

    @Test
    void aClientThatStopsReadingALargeResponseIsCutOffByTheWriteTimeout() throws IOException {
        ServerConfig tcp = HttpServerConfig.loopback(0).toBuilder().writeTimeout(Duration.ofMillis(300)).build().server();
        start(tcp, HttpLimits.DEFAULTS);
        try (Socket reader = new Socket()) {
            reader.setReceiveBufferSize(4 * 1024);
            reader.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            write(reader, "GET /large HTTP/1.1\r\nHost: x\r\n\r\n"); // and never read
            Poll.until("the write timeout", () -> server.metrics().writeTimeouts() == 1);
            assertRecoveredAndServing();
            assertTrue(server.metrics().bytesWritten() < LARGE_RESPONSE_BYTES,
                    "the response was not sent: " + server.metrics().bytesWritten() + " bytes");
        }
    }

    @Test
    void aClientThatConnectsAndSendsNothingIsClosedAfterTheIdleTimeout() throws IOException {
        start(HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(300)));
        try (RawHttpClient silent = new RawHttpClient(server.port(), Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            assertEquals("", silent.readToEnd(), "closed without a response");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 5_000, "closed after " + millis + " ms, the idle timeout is 300 ms");
        }
        Poll.untilEqual("idle timeouts", 1, () -> server.metrics().idleTimeouts());
        assertRecoveredAndServing();
    }

    @Test
    void aClientSendingOneBytePerSecondIsCutOffByTheHeaderDeadline() throws Exception {
        start(HttpLimits.DEFAULTS.withHeaderTimeout(Duration.ofMillis(1_500)).withIdleTimeout(Duration.ofSeconds(30)));
        byte[] request = GET_HELLO.getBytes(StandardCharsets.US_ASCII);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (RawHttpClient client = new RawHttpClient(server.port(), Duration.ofSeconds(10))) {
            trickle.scheduleAtFixedRate(() -> {
                try {
                    int next = sent.getAndIncrement();
                    if (next < request.length) {
                        client.send(new byte[] {request[next]});
                    }
                } catch (IOException closedByServer) {
                    throw new IllegalStateException(closedByServer); // ends the schedule
                }
            }, 0, 1, TimeUnit.SECONDS);
            String answer = client.readToEnd();
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertTrue(sent.get() < request.length, "the whole request was sent: " + sent.get() + " bytes");
        } finally {
            trickle.shutdownNow();
        }
        Poll.untilEqual("connections closed", 1, () -> server.metrics().closed());
        assertRecoveredAndServing();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
