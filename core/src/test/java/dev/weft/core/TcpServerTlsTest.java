package dev.weft.core;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static dev.weft.core.fixtures.TlsSockets.echoOnce;
import static dev.weft.core.fixtures.TlsSockets.raw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.ClientHellos;
import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.CertificateFingerprint;
import dev.weft.core.tls.ClientAuthentication;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.ReloadResult;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.tls.TrustMaterial;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@link TcpServer} configured with TLS, driven by real JDK TLS clients and raw sockets: the
 * handler sees the same {@link Connection}, the handshake's outcomes are counted in
 * {@link ServerMetrics#tls()}, and bad clients never reach the handler nor disturb others.
 */
@ExtendWith(PinningRecorder.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpServerTlsTest {

    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpServer server;

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("TcpServer TLS CA");
        ca = fixture.ca();
    }

    private TcpServer start(TlsConfig tls, ConnectionHandler handler) throws IOException {
        server = servers.start(new TcpServer(TcpServerConfig.builder().host("127.0.0.1").port(0).tls(tls).build(),
                handler));
        return server;
    }

    private TcpServer startEcho(TlsConfig tls) throws IOException {
        return start(tls, TcpServerEchoTest.ECHO);
    }

    private static String readLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("end of stream after '" + line + "'");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    // ---- served ----

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void theSameHandlerServesTlsClientsOfBothVersions(String protocol) throws Exception {
        startEcho(fixture.config(dir).build());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setProtocols(new String[] {protocol}))) {
            assertEquals("hello over TLS", echoOnce(socket, "hello over TLS"));
            assertEquals(protocol, socket.getSession().getProtocol());
        }
        Poll.untilEqual("connections closed", 1, () -> server.metrics().closed());
        assertEquals(1, server.metrics().tls().handshakesCompleted());
        assertEquals(0, server.metrics().tls().handshakesFailedTotal());
        assertEquals(0, server.metrics().handlerFailures());
    }

    @Test
    void theHandlerReadsWhatTheHandshakeAgreed() throws Exception {
        start(fixture.config(dir).applicationProtocols("weft-test/1").build(), connection -> {
            var tls = connection.tls().orElseThrow();
            connection.write((tls.protocol() + " " + tls.cipherSuite() + " " + tls.applicationProtocol().orElse("-")
                    + " " + tls.serverName().orElse("-") + " " + tls.peerCertificates().size() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        });
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> {
            p.setProtocols(new String[] {"TLSv1.3"});
            p.setCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
            p.setApplicationProtocols(new String[] {"weft-test/1"});
            p.setServerNames(List.of(new SNIHostName("localhost")));
        })) {
            assertEquals("TLSv1.3 TLS_AES_256_GCM_SHA384 weft-test/1 localhost 0", readLine(socket));
        }
    }

    @Test
    void aPlaintextConnectionHasNoTlsInfo() throws Exception {
        server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection ->
                connection.write((connection.tls().isPresent() + "\n").getBytes(StandardCharsets.US_ASCII))));
        try (Socket socket = raw(server.port())) {
            assertEquals("false", readLine(socket));
        }
        assertEquals(0, server.metrics().tls().handshakesCompleted());
    }

    @Test
    void aHandlerThatReturnsEndsTheStreamWithCloseNotify() throws Exception {
        start(fixture.config(dir).build(), connection -> connection.write("bye\n".getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Socket recording = new Socket(InetAddress.getLoopbackAddress(), server.port()) {
            @Override
            public InputStream getInputStream() throws IOException {
                InputStream in = super.getInputStream();
                return new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            received.write(b, off, n);
                        }
                        return n;
                    }
                };
            }
        };
        SSLSocket socket = (SSLSocket) ca.clientContext().getSocketFactory()
                .createSocket(recording, "localhost", server.port(), true);
        try (socket) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.2"}); // record types are visible in TLS 1.2
            socket.setSSLParameters(parameters);
            assertEquals("bye", readLine(socket));
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(ALERT_RECORD, lastRecordType(received.toByteArray()), "the stream ends with an alert (close_notify)");
    }

    private static final int ALERT_RECORD = 21;

    /** The content type of the last TLS record in {@code stream}. */
    private static int lastRecordType(byte[] stream) {
        int type = -1;
        for (int at = 0; at + 5 <= stream.length; at += 5 + (((stream[at + 3] & 0xFF) << 8) | (stream[at + 4] & 0xFF))) {
            type = stream[at];
        }
        return type;
    }

    @Test
    void transferFromFallsBackToABufferedCopyUnderTls() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("content.bin"), content);
        start(fixture.config(dir).build(), connection -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long sent = connection.transferFrom(channel, 100, content.length - 100);
                connection.write(("\n" + sent + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            byte[] received = socket.getInputStream().readNBytes(content.length - 100);
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 100, content.length), received);
            assertEquals("", readLine(socket));
            assertEquals(String.valueOf(content.length - 100), readLine(socket));
        }
    }

    @Test
    void broadcastsReachATlsClientThroughItsOutboundQueue() throws Exception {
        ClientRegistry registry = ClientRegistry.create();
        TcpServerConfig config = TcpServerConfig.builder().host("127.0.0.1").port(0)
                .tls(fixture.config(dir).build()).build();
        server = servers.start(new TcpServer(config,
                connection -> {
                    connection.client();
                    connection.write("joined\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] buffer = new byte[256];
                    while (connection.read(buffer, 0, buffer.length) > 0) {
                        connection.write(buffer, 0, 1); // the reader writes while the drainer may too
                    }
                }, registry));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("joined", readLine(socket));
            for (int i = 0; i < 50; i++) {
                registry.broadcast(("message " + i + "\n").getBytes(StandardCharsets.US_ASCII), client -> true);
            }
            for (int i = 0; i < 50; i++) {
                assertEquals("message " + i, readLine(socket));
            }
            assertEquals("x", echoOnce(socket, "x"));
        }
    }

    // ---- mutual TLS ----

    private TlsConfig requiringClientCertificates() throws IOException {
        Path trusted = TestPki.writeCertificates(dir.resolve("clients-ca.pem"), List.of(ca.certificate()));
        return fixture.config(dir).clientAuthentication(ClientAuthentication.required(TrustMaterial.pem(trusted))).build();
    }

    @Test
    void aTrustedClientCertificateReachesTheHandler() throws Exception {
        Issued client = ca.issue("alice", KeyKind.EC);
        start(requiringClientCertificates(), connection -> connection.write(
                (connection.tls().orElseThrow().peerSubject().orElse("none") + "\n").getBytes(StandardCharsets.UTF_8)));
        try (SSLSocket socket = connect(ca.clientContext(client), server.port(), p -> { })) {
            assertEquals("O=Weft tests,CN=alice", readLine(socket));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "untrusted"})
    void aClientWithoutATrustedCertificateIsRefusedAndCounted(String presented) throws Exception {
        AtomicInteger handled = new AtomicInteger();
        start(requiringClientCertificates(), connection -> handled.incrementAndGet());
        var context = presented.equals("none") ? ca.clientContext()
                : ca.clientContextPresentingAlways(TestPki.authority("Stranger CA").issue("mallory", KeyKind.EC));
        try (SSLSocket socket = connect(context, server.port(), p -> p.setProtocols(new String[] {"TLSv1.2"}))) {
            // an alert, or a reset when it comes while the client is still writing its certificate
            assertThrows(IOException.class, () -> {
                socket.startHandshake();
                socket.getInputStream().read();
            });
        }
        Poll.untilEqual("refused for its certificate", 1,
                () -> server.metrics().tls().failed(HandshakeFailure.BAD_CERTIFICATE));
        assertEquals(0, handled.get());
        assertEquals(0, server.metrics().handlerFailures());
    }

    // ---- refused ----

    @ParameterizedTest
    @ValueSource(ints = {ClientHellos.TLS_1_0, ClientHellos.TLS_1_1})
    void tls10And11AreRefusedWithAProtocolVersionAlert(int version) throws Exception {
        startEcho(fixture.config(dir).build());
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write(ClientHellos.legacy(version));
            byte[] alert = socket.getInputStream().readNBytes(7);
            assertArrayEquals(new byte[] {21, 3, alert[2], 0, 2, 2, 70}, alert, "a fatal protocol_version alert");
            assertEquals(-1, socket.getInputStream().read());
        }
        Poll.untilEqual("refused versions", 1, () -> server.metrics().tls().failed(HandshakeFailure.PROTOCOL_VERSION));
        Poll.untilEqual("connections closed", 1, () -> server.metrics().closed());
    }

    @Test
    void aClientWithNoSharedCipherIsRefusedWithAHandshakeFailureAlert() throws Exception {
        startEcho(fixture.config(dir).build());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> {
            p.setProtocols(new String[] {"TLSv1.2"});
            p.setCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
        })) {
            SSLException refused = assertThrows(SSLException.class, socket::startHandshake);
            assertTrue(refused.getMessage().contains("handshake_failure"), refused.getMessage());
        }
        Poll.untilEqual("no shared cipher", 1, () -> server.metrics().tls().failed(HandshakeFailure.NO_SHARED_CIPHER));
    }

    @Test
    void aClientOfferingOnlyFiniteFieldGroupsIsRefused() throws Exception {
        startEcho(fixture.config(dir).build());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setNamedGroups(new String[] {"ffdhe2048"}))) {
            assertThrows(SSLException.class, socket::startHandshake);
        }
        Poll.untilEqual("no shared group", 1, () -> server.metrics().tls().failed(HandshakeFailure.NO_SHARED_CIPHER));
    }

    @Test
    void garbageAndPlaintextNeverReachTheHandlerAndAreCountedAsNotTls() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        start(fixture.config(dir).build(), connection -> handled.incrementAndGet());
        try (Socket garbage = raw(server.port())) {
            garbage.getOutputStream().write(new byte[] {0, 1, 2, 3, 'x', '\n'});
            assertEquals(-1, garbage.getInputStream().read());
        }
        try (Socket http = raw(server.port())) {
            http.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(http.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        }
        Poll.untilEqual("not TLS", 2, () -> server.metrics().tls().failed(HandshakeFailure.NOT_TLS));
        Poll.untilEqual("connections closed", 2, () -> server.metrics().closed());
        assertEquals(0, handled.get());
        assertEquals(0, server.metrics().handlerFailures());
    }

    @Test
    void aSlowHandshakeIsCutOffAtItsDeadlineWhileOthersAreServed() throws Exception {
        startEcho(fixture.config(dir).handshakeTimeout(Duration.ofMillis(300)).build());
        try (Socket silent = raw(server.port());
             Socket stalled = raw(server.port());
             SSLSocket good = connect(ca.clientContext(), server.port(), p -> { })) {
            stalled.getOutputStream().write(ClientHellos.legacy(ClientHellos.TLS_1_2), 0, 10);
            assertEquals("served meanwhile", echoOnce(good, "served meanwhile"));
            assertEquals(-1, silent.getInputStream().read());
            assertEquals(-1, stalled.getInputStream().read());
            Poll.untilEqual("timed-out handshakes", 2, () -> server.metrics().tls().failed(HandshakeFailure.TIMEOUT));
            assertEquals("still served", echoOnce(good, "still served"));
        }
        assertEquals(0, server.metrics().idleTimeouts(), "a handshake timeout is not an idle timeout");
    }

    @Test
    void badClientsDoNotDisturbAGoodOne() throws Exception {
        startEcho(fixture.config(dir).build());
        try (SSLSocket good = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("before", echoOnce(good, "before"));
            for (int i = 0; i < 20; i++) {
                try (Socket bad = raw(server.port())) {
                    bad.getOutputStream().write(i % 2 == 0 ? ClientHellos.legacy(ClientHellos.TLS_1_1) : new byte[] {1, 2, 3});
                    bad.getInputStream().readAllBytes();
                }
            }
            Poll.untilEqual("failed handshakes", 20, () -> server.metrics().tls().handshakesFailedTotal());
            assertEquals("after", echoOnce(good, "after"));
        }
    }

    @Test
    void stoppingClosesAConnectionStillInItsHandshakeAtOnce() throws Exception {
        startEcho(fixture.config(dir).handshakeTimeout(Duration.ofMinutes(5)).build());
        try (Socket silent = raw(server.port())) {
            Poll.untilEqual("connection accepted", 1, () -> server.metrics().active());
            // A handshake in progress holds no work of the application: the stop does not wait for it.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> server.stop(Duration.ofMinutes(5)));
            assertEquals(-1, silent.getInputStream().read());
        }
        assertEquals(0, server.metrics().threads());
        assertEquals(1, server.metrics().tls().failed(HandshakeFailure.OTHER), "closed by this side, not by the peer");
    }

    // ---- configuration and reload ----

    @Test
    void aStartWithABrokenKeyFileFailsNamingTheFile() throws Exception {
        Path chain = TestPki.writeCertificates(dir.resolve("chain.pem"), fixture.localhost().chain());
        Path key = TestPki.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n");
        TcpServer broken = new TcpServer(TcpServerConfig.builder().host("127.0.0.1").port(0)
                .tls(TlsConfig.builder().certificate(KeyMaterial.pem(chain, key)).build()).build(), TcpServerEchoTest.ECHO);
        TlsConfigException failure = assertThrows(TlsConfigException.class, broken::start);
        assertTrue(failure.getMessage().startsWith(key.toString()), failure.getMessage());
        assertEquals(0, broken.metrics().threads());
    }

    private static String fingerprintPresented(int port) throws IOException {
        try (SSLSocket socket = connect(ca.clientContext(), port, p -> { })) {
            socket.startHandshake();
            return CertificateFingerprint.sha256((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    @Test
    void reloadTlsServesANewCertificateToNewConnectionsWhileLiveOnesKeepTheirs() throws Exception {
        Issued first = ca.issue("first", KeyKind.EC, "localhost", "127.0.0.1");
        Issued second = ca.issue("second", KeyKind.RSA, "localhost", "127.0.0.1");
        KeyMaterial files = LocalhostFixture.pem(dir, "served", first);
        startEcho(TlsConfig.builder().certificate(files).noReloadChecks().build());
        try (SSLSocket live = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("on the first", echoOnce(live, "on the first"));
            assertInstanceOf(ReloadResult.Unchanged.class, server.reloadTls());

            LocalhostFixture.pem(dir, "served", second);
            ReloadResult reloaded = server.reloadTls();
            assertEquals(new ReloadResult.Reloaded(CertificateFingerprint.sha256(second.leaf()), List.of()), reloaded);
            assertEquals(CertificateFingerprint.sha256(second.leaf()), fingerprintPresented(server.port()));
            assertEquals("still on the first", echoOnce(live, "still on the first"));

            TestPki.writeString(dir.resolve("served-key.pem"), "garbage");
            assertInstanceOf(ReloadResult.Refused.class, server.reloadTls());
            assertEquals(CertificateFingerprint.sha256(second.leaf()), fingerprintPresented(server.port()));
        }
    }

    @Test
    void theServerWatchesItsFilesOnAThreadThatStopAwaits() throws Exception {
        Issued first = ca.issue("first", KeyKind.EC, "localhost", "127.0.0.1");
        Issued second = ca.issue("second", KeyKind.EC, "localhost", "127.0.0.1");
        startEcho(TlsConfig.builder().certificate(LocalhostFixture.pem(dir, "watched", first))
                .reloadCheckInterval(Duration.ofMillis(20)).build());
        assertTrue(server.metrics().threads() >= 2, "the acceptor and the watcher");
        LocalhostFixture.pem(dir, "watched", second);
        Poll.untilEquals("the new certificate served", CertificateFingerprint.sha256(second.leaf()), () -> {
            try {
                return fingerprintPresented(server.port());
            } catch (IOException e) {
                return e.toString();
            }
        });
        server.close();
        assertEquals(0, server.metrics().threads(), "the watcher ended with the server");
    }

    @Test
    void reloadTlsOnAPlaintextServerIsRefused() throws Exception {
        server = servers.start(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        IllegalStateException refused = assertThrows(IllegalStateException.class, server::reloadTls);
        assertTrue(refused.getMessage().contains("speaks no TLS"), refused.getMessage());
    }
}
