package dev.weft.http.internal.h2;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 on the real {@link HttpServer}'s HTTPS port, chosen by ALPN {@code h2}: the JDK's
 * {@code HttpClient} (which offers {@code h2} first), and raw frames over an {@link SSLSocket}.
 */
@ExtendWith(PinningRecorder.class)
class Http2OverTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpServer server;
    private HttpClient client;

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("HTTP/2 test CA");
        ca = fixture.ca();
    }

    private HttpServer start(HttpServerConfig.Builder config) throws IOException {
        server = servers.start(new HttpServer(config.host("127.0.0.1").port(0).tls(fixture.config(dir).build()).build(),
                new TestRoutes(1).router()));
        return server;
    }

    private HttpClient http2Client() {
        client = servers.closeAfterwards(HttpClient.newBuilder().sslContext(ca.clientContext())
                .version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build());
        return client;
    }

    @Test
    void theJdkClientNegotiatesH2ByAlpnAndSendsEverythingOverOneConnection() throws Exception {
        start(HttpServerConfig.builder());
        assertEquals(List.of("h2", "http/1.1"), server.config().tls().orElseThrow().applicationProtocols());
        http2Client();

        HttpResponse<String> hello = client.send(HttpRequest.newBuilder(server.uri("/hello")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, hello.version());
        assertEquals("Hello, World!", hello.body());

        HttpResponse<byte[]> echoed = client.send(HttpRequest.newBuilder(server.uri("/echo")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestRoutes.MEBIBYTE)).build(), BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, echoed.version());
        assertArrayEquals(TestRoutes.MEBIBYTE, echoed.body(), "1 MiB up and back, both ways flow-controlled");

        List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            concurrent.add(client.sendAsync(HttpRequest.newBuilder(server.uri("/hello")).timeout(TIMEOUT).build(),
                    BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : concurrent) {
            assertEquals("Hello, World!", response.get().body());
            assertEquals(HttpClient.Version.HTTP_2, response.get().version());
        }
        assertEquals(1, server.http2Metrics().connections(), "one HTTP/2 connection carried all 102 requests");
        assertEquals(102, server.http2Metrics().streams());
        assertEquals(1, server.metrics().tls().handshakesCompleted());
    }

    @Test
    void aWebSocketRouteAskedOverHttp2AnswersThatTheHandshakeNeedsHttp11() throws Exception {
        server = servers.start(new HttpServer(HttpServerConfig.builder().host("127.0.0.1").port(0)
                .tls(fixture.config(dir).build()).build(),
                Router.of(List.of(Route.websocket("/ws", session -> session.close())))));
        http2Client();
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(server.uri("/ws")).timeout(TIMEOUT)
                .header("Sec-WebSocket-Version", "13").build(), BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, refused.version());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("needs HTTP/1.1"), refused.body());
        assertEquals(0, server.webSocketMetrics().opened());
    }

    @Test
    void rawFramesAreServedOnATlsSocketThatNegotiatedH2() throws Exception {
        start(HttpServerConfig.builder());
        SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setApplicationProtocols(new String[] {"h2"}));
        socket.startHandshake();
        assertEquals("h2", socket.getApplicationProtocol());
        try (RawH2Client h2 = RawH2Client.handshake(RawH2Client.over(socket))) {
            h2.get(1, "/hello");
            assertEquals("Hello, World!", h2.response(1).text());
            h2.get(3, "/missing");
            assertEquals(404, h2.response(3).status());
        }
    }

    @Test
    void anInvalidPrefaceAfterAlpnH2IsAnsweredWithGoAwayProtocolError() throws Exception {
        start(HttpServerConfig.builder());
        SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setApplicationProtocols(new String[] {"h2"}));
        socket.startHandshake();
        try (RawH2Client h2 = RawH2Client.over(socket)) {
            h2.raw("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(ErrorCode.PROTOCOL_ERROR.code(), h2.awaitGoAway());
        }
        assertEquals(1, server.http2Metrics().connectionErrors());
    }

    @Test
    void withoutHttp2TheHttpsPortOffersOnlyHttp11AndTheJdkClientFallsBack() throws Exception {
        start(HttpServerConfig.builder().noHttp2());
        assertEquals(List.of("http/1.1"), server.config().tls().orElseThrow().applicationProtocols());
        http2Client();
        HttpResponse<String> hello = client.send(HttpRequest.newBuilder(server.uri("/hello")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, hello.version());
        assertEquals("Hello, World!", hello.body());
        assertEquals(0, server.http2Metrics().connections());
    }

    @Test
    void aCopiedConfigurationFollowsTheHttp2SettingMadeOnTheCopy() throws Exception {
        HttpServerConfig withHttp2 = HttpServerConfig.builder().tls(fixture.config(dir).build()).build();
        HttpServerConfig without = withHttp2.toBuilder().noHttp2().build();
        assertEquals(List.of("http/1.1"), without.tls().orElseThrow().applicationProtocols());
        assertEquals(List.of("h2", "http/1.1"),
                without.toBuilder().http2(dev.weft.http.Http2Config.DEFAULTS).build().tls().orElseThrow()
                        .applicationProtocols());
    }
}
