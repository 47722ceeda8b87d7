package dev.weft.http.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.HttpApp;
import dev.weft.http.HttpException;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.RawHttpClient;
import dev.weft.http.Status;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WebSocket handshake is a request like any other: it passes the pipeline's filters — an
 * authentication filter can refuse it before any upgrade — and the access log records the
 * {@code 101} and every refused handshake. Real server, the JDK's WebSocket client and raw sockets.
 */
@ExtendWith(PinningRecorder.class)
class WebSocketHandshakeFiltersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final RecordingLogger log = new RecordingLogger();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        // Closed after the server: an HttpClient's close waits for its WebSockets, which the
        // stopping server ends with 1001.
        client = servers.closeAfterwards(HttpClient.newHttpClient());
        WebSocketConfig config = WebSocketConfig.builder().origins(OriginPolicy.allowList(java.util.List.of("https://app.example")))
                .build();
        server = servers.closeAfterwards(HttpApp.create()
                .filter(new RequestIdFilter())
                .filter(new AccessLogFilter(AccessLogFilter.Format.COMMON, log))
                .filter((request, next) -> {
                    if (!request.rawQuery().equals("token=secret")) {
                        throw new HttpException(Status.UNAUTHORIZED_401, "no token");
                    }
                    return next.handle(request);
                })
                .filter(new CompressionFilter().withMinBytes(0))
                .websocket("/ws/echo", config, session -> {
                    Message message;
                    while ((message = session.receive()) != null) {
                        session.send(message);
                    }
                })
                .start(HttpServerConfig.loopback(0)));
    }

    private URI ws(String target) {
        return URI.create("ws://127.0.0.1:" + server.port() + target);
    }

    private static void assertLogged(String requestLine, int status, String line) {
        String pattern = "127\\.0\\.0\\.1 - - \\[[^]]+\\] \"" + Pattern.quote(requestLine) + "\" " + status + " (\\d+|-) \\d+";
        assertTrue(Pattern.matches(pattern, line), "line: " + line + "\npattern: " + pattern);
    }

    @Test
    void aFilterRefusesTheUpgradeWith401BeforeAnySessionStarts() throws Exception {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> client.newWebSocketBuilder()
                .header("Origin", "https://app.example")
                .buildAsync(ws("/ws/echo"), new WebSocket.Listener() { })
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        WebSocketHandshakeException refused = (WebSocketHandshakeException) failed.getCause();
        assertEquals(401, refused.getResponse().statusCode());
        assertLogged("GET /ws/echo HTTP/1.1", 401, log.next(TIMEOUT).message());
        assertEquals(0, server.webSocketMetrics().opened());
    }

    @Test
    void theAccessLogRecordsThe101AndTheSessionThenRuns() throws Exception {
        BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        WebSocket socket = client.newWebSocketBuilder()
                .header("Origin", "https://app.example")
                .buildAsync(ws("/ws/echo?token=secret"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        texts.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertLogged("GET /ws/echo?token=secret HTTP/1.1", 101, log.next(TIMEOUT).message());
        socket.sendText("through the filters", true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("through the filters", texts.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, server.webSocketMetrics().opened());
        assertTrue(log.isEmpty(), "one line for the whole session");
    }

    @Test
    void the101CarriesTheFiltersFieldsButNoFramingNorCompression() throws Exception {
        try (RawHttpClient raw = new RawHttpClient(server.port(), TIMEOUT)) {
            raw.send("GET /ws/echo?token=secret HTTP/1.1\r\nHost: x\r\nOrigin: https://app.example\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\nAccept-Encoding: gzip, deflate\r\n\r\n");
            RawHttpClient.RawResponse head = raw.readHead();
            assertEquals("HTTP/1.1 101 Switching Protocols", head.statusLine());
            assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", head.header("Sec-WebSocket-Accept"));
            assertEquals("Upgrade", head.header("Connection"));
            assertEquals("websocket", head.header("Upgrade"));
            assertTrue(head.header("X-Request-Id") != null, head.headers().toString());
            for (String absent : new String[] {"Content-Length", "Transfer-Encoding", "Content-Encoding"}) {
                assertEquals(null, head.header(absent), absent + " in " + head.headers());
            }
        }
        assertLogged("GET /ws/echo?token=secret HTTP/1.1", 101, log.next(TIMEOUT).message());
    }

    @Test
    void everyRefusedHandshakeIsAnsweredAndLogged() throws Exception {
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\n";
        record Case(String request, int status) {
        }
        Case[] cases = {
            new Case("GET /ws/echo?token=secret HTTP/1.1\r\nHost: x\r\n\r\n", 426),
            new Case("GET /ws/echo?token=secret HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n" + upgrade
                    + "Sec-WebSocket-Version: 13\r\n\r\n", 403),
            new Case("GET /ws/echo?token=secret HTTP/1.1\r\nHost: x\r\n" + upgrade + "Sec-WebSocket-Version: 8\r\n\r\n",
                    426),
            new Case("GET /ws/echo?token=secret HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n", 400),
            new Case("HEAD /ws/echo?token=secret HTTP/1.1\r\nHost: x\r\n" + upgrade + "Sec-WebSocket-Version: 13\r\n\r\n",
                    405),
        };
        for (Case c : cases) {
            try (RawHttpClient raw = new RawHttpClient(server.port(), TIMEOUT)) {
                assertEquals(c.status(), raw.send(c.request()).readHead().status(), c.request());
            }
            assertLogged(c.request().substring(0, c.request().indexOf("\r\n")), c.status(), log.next(TIMEOUT).message());
        }
        assertEquals(0, server.webSocketMetrics().opened());
    }
}
