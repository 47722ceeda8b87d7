package dev.weft.http;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static dev.weft.core.fixtures.TlsSockets.raw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.ClientHellos;
import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.ClientAuthentication;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TrustMaterial;
import dev.weft.http.files.StaticFiles;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTPS through real clients — {@code java.net.http.HttpClient} and {@link SSLSocket} trusting a
 * test authority made at test time — and the bad inputs either way round: plaintext to the HTTPS
 * port, a TLS ClientHello to the plain HTTP port.
 */
@ExtendWith(PinningRecorder.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    private HttpServer server;
    private HttpClient client;

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("HTTPS test CA");
        ca = fixture.ca();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    private static Router routes(Path files) throws IOException {
        return Router.of(List.of(
                Route.get("/hello", request -> Response.ok("Hello, World!")),
                Route.get("/whoami", request -> Response.ok(request.tls()
                        .map(tls -> tls.protocol() + " " + tls.applicationProtocol().orElse("-") + " "
                                + tls.peerSubject().orElse("anonymous"))
                        .orElse("plaintext"))),
                Route.post("/echo", request -> Response.bytes(Status.OK_200, "application/octet-stream", request.bodyBytes())),
                Route.get("/files/*", new StaticFiles(files))));
    }

    private HttpServer start(HttpServerConfig.Builder config) throws IOException {
        server = new HttpServer(config.host("127.0.0.1").port(0).build(), routes(dir)).start();
        return server;
    }

    private HttpServer startHttps(TlsConfig tls) throws IOException {
        return start(HttpServerConfig.builder().tls(tls));
    }

    private HttpClient client(SSLContext context) {
        client = HttpClient.newBuilder().sslContext(context).connectTimeout(TIMEOUT).build();
        return client;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    // ---- served ----

    @Test
    void aJdkHttpClientGetsHelloOverHttpsNegotiatingHttp11ByAlpnWhenHttp2IsOff() throws Exception {
        start(HttpServerConfig.builder().tls(fixture.config(dir).build()).noHttp2());
        client(ca.clientContext());
        assertEquals("https", server.uri("/").getScheme());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get("/hello");
            assertEquals(200, response.statusCode());
            assertEquals("Hello, World!", response.body());
            assertEquals(HttpClient.Version.HTTP_1_1, response.version(), "the client offered h2 too");
            assertEquals("TLSv1.3", response.sslSession().orElseThrow().getProtocol());
        }
        assertEquals(1, server.metrics().tls().handshakesCompleted(), "one keep-alive connection");
        assertEquals(List.of("http/1.1"), server.config().tls().orElseThrow().applicationProtocols());
    }

    @Test
    void alpnPicksHttp11FromWhatAnSslSocketOffersWhenHttp2IsOff() throws Exception {
        start(HttpServerConfig.builder().tls(fixture.config(dir).build()).noHttp2());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(),
                p -> p.setApplicationProtocols(new String[] {"h2", "http/1.1"}))) {
            socket.startHandshake();
            assertEquals("http/1.1", socket.getApplicationProtocol());
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("Hello, World!"), response);
        }
    }

    @Test
    void aClientOfferingOnlyH2IsRefusedAndCountedWhenHttp2IsOff() throws Exception {
        start(HttpServerConfig.builder().tls(fixture.config(dir).build()).noHttp2());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setApplicationProtocols(new String[] {"h2"}))) {
            assertThrows(SSLException.class, socket::startHandshake);
        }
        Poll.untilEqual("ALPN refusals", 1, () -> server.metrics().tls().failed(HandshakeFailure.NO_APPLICATION_PROTOCOL));
    }

    @Test
    void anAlpnProtocolTheServerDoesNotSpeakIsRefusedInTheConfiguration() throws Exception {
        TlsConfig h2 = fixture.config(dir).applicationProtocols("h2", "http/1.1").build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HttpServerConfig.builder().tls(h2).noHttp2().build());
        assertEquals("ALPN protocol 'h2' is not spoken by this server (it speaks http/1.1)", refused.getMessage());
    }

    @Test
    void bodiesAndStaticFilesGoThroughTls() throws Exception {
        byte[] content = new byte[300_000];
        new Random(3).nextBytes(content);
        Files.write(dir.resolve("big.bin"), content);
        startHttps(fixture.config(dir).build());
        client(ca.clientContext());
        HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(server.uri("/files/big.bin")).timeout(TIMEOUT).build(),
                BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(content, file.body(), "sent by transferFrom's buffered copy under TLS");
        HttpResponse<byte[]> echoed = client.send(HttpRequest.newBuilder(server.uri("/echo")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), BodyHandlers.ofByteArray());
        assertArrayEquals(content, echoed.body());
    }

    // ---- mutual TLS ----

    private TlsConfig requiringClientCertificates() throws IOException {
        Path trusted = TestPki.writeCertificates(dir.resolve("clients.pem"), List.of(ca.certificate()));
        return fixture.config(dir).clientAuthentication(ClientAuthentication.required(TrustMaterial.pem(trusted))).build();
    }

    @Test
    void mutualTlsAcceptsAClientWithATrustedCertificate() throws Exception {
        Issued alice = ca.issue("alice", KeyKind.EC);
        startHttps(requiringClientCertificates());
        client(ca.clientContext(alice));
        assertEquals(200, get("/hello").statusCode());
        HttpResponse<String> whoami = get("/whoami");
        assertTrue(whoami.body().startsWith("TLSv1.3 "), whoami.body());
        assertTrue(whoami.body().contains("CN=alice"), "the handler sees the client's certificate: " + whoami.body());
    }

    @Test
    void aRequestOnAPlaintextPortHasNoTlsDetails() throws Exception {
        start(HttpServerConfig.builder());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        assertEquals("plaintext", get("/whoami").body());
    }

    @Test
    void mutualTlsRefusesAClientWithoutOneAndCountsIt() throws Exception {
        startHttps(requiringClientCertificates());
        client(ca.clientContext());
        assertThrows(IOException.class, () -> get("/hello"));
        Poll.until("a certificate refusal counted", () -> server.metrics().tls().failed(HandshakeFailure.BAD_CERTIFICATE) >= 1);
        assertEquals(0, server.metrics().tls().handshakesCompleted());
    }

    // ---- the wrong protocol either way round ----

    @Test
    void plainHttpToTheHttpsPortIsAnswered400SayingSo() throws Exception {
        startHttps(fixture.config(dir).build());
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.contains("use https://"), response);
        }
        Poll.untilEqual("not TLS", 1, () -> server.metrics().tls().failed(HandshakeFailure.NOT_TLS));
    }

    @Test
    void aTlsClientHelloToThePlainHttpPortIsClosedUnansweredAndCounted() throws Exception {
        start(HttpServerConfig.builder());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            assertThrows(SSLException.class, socket::startHandshake);
        }
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write(ClientHellos.legacy(ClientHellos.TLS_1_2));
            assertEquals(0, socket.getInputStream().readAllBytes().length, "no 400 in plaintext to a TLS client");
        }
        Poll.untilEqual("ClientHellos refused", 2, () -> server.metrics().tls().failed(HandshakeFailure.TLS_ON_PLAINTEXT_PORT));
        Poll.untilEqual("connections closed", 2, () -> server.metrics().closed());
        assertEquals(0, server.metrics().handlerFailures());
        client(SSLContext.getDefault());
        HttpResponse<String> plain = get("/hello");
        assertEquals("Hello, World!", plain.body(), "the server serves everyone else");
    }

    @Test
    void aClientHelloArrivingOneByteFirstIsStillRecognised() throws Exception {
        start(HttpServerConfig.builder());
        try (Socket socket = raw(server.port())) {
            socket.setTcpNoDelay(true);
            byte[] hello = ClientHellos.legacy(ClientHellos.TLS_1_2);
            socket.getOutputStream().write(hello, 0, 1);
            socket.getOutputStream().flush();
            Poll.untilEqual("the first byte read", 1, () -> server.metrics().bytesRead());
            socket.getOutputStream().write(hello, 1, hello.length - 1);
            assertEquals(0, socket.getInputStream().readAllBytes().length);
        }
        Poll.untilEqual("ClientHellos refused", 1, () -> server.metrics().tls().failed(HandshakeFailure.TLS_ON_PLAINTEXT_PORT));
    }

    @Test
    void aControlByteThatIsNotATlsRecordIsStillAnHttpParseError() throws Exception {
        start(HttpServerConfig.builder());
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write((((char) 0x16) + "GET / HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        }
        assertEquals(0, server.metrics().tls().failed(HandshakeFailure.TLS_ON_PLAINTEXT_PORT));
    }

    @ParameterizedTest
    @ValueSource(ints = {ClientHellos.TLS_1_0, ClientHellos.TLS_1_1})
    void tls10And11AreRefusedWithAProtocolVersionAlert(int version) throws Exception {
        startHttps(fixture.config(dir).build());
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write(ClientHellos.legacy(version));
            byte[] alert = socket.getInputStream().readNBytes(7);
            assertEquals(70, alert[6], "protocol_version");
        }
        Poll.untilEqual("refused versions", 1, () -> server.metrics().tls().failed(HandshakeFailure.PROTOCOL_VERSION));
    }

    @Test
    void garbageToTheHttpsPortIsClosedAndCounted() throws Exception {
        startHttps(fixture.config(dir).build());
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write(new byte[] {(byte) 0xFF, 0, 0x16, 3, 1, 2});
            assertEquals(-1, socket.getInputStream().read());
        }
        Poll.untilEqual("not TLS", 1, () -> server.metrics().tls().failed(HandshakeFailure.NOT_TLS));
    }

    @Test
    void aSlowHandshakeIsCutOffAndCountedWhileRequestsAreServed() throws Exception {
        startHttps(fixture.config(dir).handshakeTimeout(Duration.ofMillis(300)).build());
        client(ca.clientContext());
        try (Socket slow = raw(server.port())) {
            slow.getOutputStream().write(ClientHellos.legacy(ClientHellos.TLS_1_2), 0, 20);
            assertEquals(200, get("/hello").statusCode());
            assertEquals(-1, slow.getInputStream().read());
        }
        Poll.untilEqual("timed-out handshakes", 1, () -> server.metrics().tls().failed(HandshakeFailure.TIMEOUT));
        assertEquals(200, get("/hello").statusCode());
    }

    // ---- reload under load ----

    @Test
    void certificatesReloadedUnderLoadFailNoRequest() throws Exception {
        Issued first = ca.issue("first", KeyKind.EC, "localhost", "127.0.0.1");
        Issued second = ca.issue("second", KeyKind.RSA, "localhost", "127.0.0.1");
        startHttps(TlsConfig.builder().certificate(LocalhostFixture.pem(dir, "served", first)).noReloadChecks().build());
        int clients = 4;
        int requestsEach = 60;
        int reloads = 6;
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> load = new java.util.ArrayList<>();
        for (int c = 0; c < clients; c++) {
            boolean newConnectionEach = c % 2 == 0;
            load.add(Thread.ofVirtual().start(() -> {
                try (HttpClient keepAlive = HttpClient.newBuilder().sslContext(ca.clientContext()).build()) {
                    for (int i = 0; i < requestsEach; i++) {
                        if (requestOnce(newConnectionEach, keepAlive)) {
                            served.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            }));
        }
        int total = clients * requestsEach;
        for (int r = 1; r <= reloads; r++) {
            int threshold = total * r / (reloads + 1);
            Poll.until(threshold + " requests served", () -> served.get() + failed.get() >= threshold);
            LocalhostFixture.pem(dir, "served", r % 2 == 1 ? second : first);
            server.reloadTls();
        }
        for (Thread thread : load) {
            thread.join();
        }
        assertEquals(0, failed.get(), "failed requests");
        assertEquals(total, served.get());
        assertEquals(0, server.metrics().tls().handshakesFailedTotal());
        assertTrue(server.metrics().tls().handshakesCompleted() > reloads, "new handshakes happened between reloads");
    }

    /** One GET /hello: on a new TLS connection of its own, or on the keep-alive client's. */
    private boolean requestOnce(boolean newConnection, HttpClient keepAlive) {
        try {
            if (newConnection) {
                try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
                    socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                            .endsWith("Hello, World!");
                }
            }
            HttpResponse<String> response = keepAlive.send(
                    HttpRequest.newBuilder(server.uri("/hello")).timeout(TIMEOUT).build(), BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().equals("Hello, World!");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void stoppingClosesAnIdleHttpsConnectionAtOnce() throws Exception {
        startHttps(fixture.config(dir).build());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(15);
            assertEquals("HTTP/1.1 200 OK", new String(head, StandardCharsets.US_ASCII));
            server.stop(Duration.ofMinutes(5));
            socket.getInputStream().readAllBytes(); // the rest, then the end: the stop did not wait its grace
        }
        assertEquals(0, server.metrics().threads());
    }
}
