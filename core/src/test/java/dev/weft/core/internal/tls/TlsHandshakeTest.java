package dev.weft.core.internal.tls;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static dev.weft.core.fixtures.TlsSockets.echoOnce;
import static dev.weft.core.fixtures.TlsSockets.raw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsInfo;
import dev.weft.core.tls.TrustMaterial;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS handshakes against real JDK clients and hand-made bytes on 127.0.0.1, and how each failure is counted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsHandshakeTest {


    private static LocalhostFixture fixture;
    private static TestPki ca;
    private static Issued localhost;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TlsTestServer server;

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("Weft Test CA");
        ca = fixture.ca();
        localhost = fixture.localhost();
    }

    static TlsTestServer.Handler echo() {
        return connection -> {
            byte[] buffer = new byte[8_192];
            int n;
            while ((n = connection.tls().read(buffer, 0, buffer.length)) > 0) {
                connection.write(java.util.Arrays.copyOf(buffer, n));
            }
        };
    }

    KeyMaterial pem(Issued issued, String name) throws IOException {
        return LocalhostFixture.pem(dir, name, issued);
    }

    TlsConfig.Builder config() throws IOException {
        return fixture.config(dir);
    }

    // ---- successful handshakes ----

    @Test
    void tls13HandshakeAgreesOnAnAeadSuiteAndCarriesData() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("hello", echoOnce(socket, "hello"));
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
        TlsInfo info = server.nextOutcome().info();
        assertEquals("TLSv1.3", info.protocol());
        assertEquals("TLS_AES_128_GCM_SHA256", info.cipherSuite());
        assertEquals(Optional.empty(), info.applicationProtocol());
        assertEquals(List.of(), info.peerCertificates());
        assertEquals(1, server.metrics().handshakesCompleted());
        assertEquals(0, server.metrics().handshakesFailedTotal());
    }

    @Test
    void tls12HandshakeAgreesOnAnEcdheGcmSuite() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setProtocols(new String[] {"TLSv1.2"}))) {
            assertEquals("over 1.2", echoOnce(socket, "over 1.2"));
        }
        TlsInfo info = server.nextOutcome().info();
        assertEquals("TLSv1.2", info.protocol());
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", info.cipherSuite());
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void ecAndRsaCertificatesFromPemFilesAreServed(KeyKind kind) throws Exception {
        Issued issued = ca.issue("server-" + kind, kind, "localhost");
        server = servers.closeAfterwards(new TlsTestServer(
                TlsConfig.builder().certificate(pem(issued, "k")).noReloadChecks().build(), echo()));
        assertServes(issued.leaf());
    }

    @Test
    void anEncryptedPkcs8KeyIsDecryptedWithItsPassword() throws Exception {
        Issued issued = ca.issue("encrypted", KeyKind.EC, "localhost");
        KeyMaterial material = KeyMaterial.pem(TestPki.writeCertificates(dir.resolve("chain.pem"), issued.chain()),
                TestPki.writeEncryptedPkcs8(dir.resolve("key.pem"), issued.key(), "s3cret"), "s3cret");
        server = servers.closeAfterwards(new TlsTestServer(
                TlsConfig.builder().certificate(material).noReloadChecks().build(), echo()));
        assertServes(issued.leaf());
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void aPkcs12KeystoreIsServed(KeyKind kind) throws Exception {
        Issued issued = ca.issue("p12-" + kind, kind, "localhost");
        KeyMaterial material = KeyMaterial.pkcs12(TestPki.writePkcs12(dir.resolve("server.p12"), issued, "pw", "server"), "pw");
        server = servers.closeAfterwards(new TlsTestServer(
                TlsConfig.builder().certificate(material).noReloadChecks().build(), echo()));
        assertServes(issued.leaf());
    }

    private void assertServes(X509Certificate expected) throws Exception {
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("ok", echoOnce(socket, "ok"));
            X509Certificate presented = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertEquals(CertificateFingerprint.sha256(expected), CertificateFingerprint.sha256(presented));
        }
    }

    // ---- ALPN and SNI ----

    @Test
    void alpnChoosesTheServersFirstProtocolThatTheClientOffers() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(
                config().applicationProtocols("h2", "http/1.1").build(), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(),
                p -> p.setApplicationProtocols(new String[] {"http/1.1", "h2"}))) {
            assertEquals("x", echoOnce(socket, "x"));
            assertEquals("h2", socket.getApplicationProtocol());
        }
        assertEquals(Optional.of("h2"), server.nextOutcome().info().applicationProtocol());
        try (SSLSocket socket = connect(ca.clientContext(), server.port(),
                p -> p.setApplicationProtocols(new String[] {"http/1.1"}))) {
            assertEquals("x", echoOnce(socket, "x"));
        }
        assertEquals(Optional.of("http/1.1"), server.nextOutcome().info().applicationProtocol());
    }

    @Test
    void aClientOfferingOnlyUnknownAlpnProtocolsIsRefused() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().applicationProtocols("http/1.1").build(), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(),
                p -> p.setApplicationProtocols(new String[] {"spdy/3"}))) {
            assertThrows(SSLException.class, socket::startHandshake);
        }
        assertEquals(HandshakeFailure.NO_APPLICATION_PROTOCOL, server.nextOutcome().failure().reason());
        assertEquals(1, server.metrics().failed(HandshakeFailure.NO_APPLICATION_PROTOCOL));
    }

    @Test
    void sniPicksTheCertificateForTheRequestedHostAndTheDefaultOtherwise() throws Exception {
        Issued api = ca.issue("api.test", KeyKind.EC, "api.test");
        Issued wildcard = ca.issue("wildcard", KeyKind.RSA, "*.apps.test");
        server = servers.closeAfterwards(new TlsTestServer(config()
                .certificate("api.test", pem(api, "api"))
                .certificate("*.apps.test", pem(wildcard, "wildcard"))
                .build(), echo()));

        assertEquals(fingerprint(api.leaf()), presentedFor(Optional.of("API.test")));
        assertEquals(Optional.of("api.test"), server.nextOutcome().info().serverName());
        assertEquals(fingerprint(wildcard.leaf()), presentedFor(Optional.of("one.apps.test")));
        server.nextOutcome();
        assertEquals(fingerprint(localhost.leaf()), presentedFor(Optional.of("two.levels.apps.test")));
        server.nextOutcome();
        assertEquals(fingerprint(localhost.leaf()), presentedFor(Optional.empty()));
        assertEquals(Optional.empty(), server.nextOutcome().info().serverName());
    }

    private String presentedFor(Optional<String> hostName) throws IOException {
        try (SSLSocket socket = connect(ca.clientContext(), server.port(),
                p -> p.setServerNames(hostName.<List<javax.net.ssl.SNIServerName>>map(h -> List.of(new SNIHostName(h))).orElse(List.of())))) {
            socket.startHandshake();
            return fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        return CertificateFingerprint.sha256(certificate);
    }

    // ---- mutual TLS ----

    private TlsConfig mutual(ClientAuthentication.Mode mode) throws IOException {
        TrustMaterial trusted = TrustMaterial.pem(TestPki.writeCertificates(dir.resolve("clients-ca.pem"), List.of(ca.certificate())));
        return config().clientAuthentication(mode == ClientAuthentication.Mode.REQUIRED
                ? ClientAuthentication.required(trusted) : ClientAuthentication.wanted(trusted)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aRequiredClientCertificateIsVerifiedAndShownToTheHandler(String protocol) throws Exception {
        Issued client = ca.issue("alice", KeyKind.EC);
        server = servers.closeAfterwards(new TlsTestServer(mutual(ClientAuthentication.Mode.REQUIRED), echo()));
        try (SSLSocket socket = connect(ca.clientContext(client), server.port(), p -> p.setProtocols(new String[] {protocol}))) {
            assertEquals("me", echoOnce(socket, "me"));
        }
        TlsInfo info = server.nextOutcome().info();
        assertEquals(Optional.of(client.leaf().getSubjectX500Principal().getName()), info.peerSubject());
        assertEquals(2, info.peerCertificates().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aClientWithoutCertificateIsRefusedWhenOneIsRequired(String protocol) throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(mutual(ClientAuthentication.Mode.REQUIRED), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setProtocols(new String[] {protocol}))) {
            // TLS 1.3 clients finish before the server has checked; the refusal then comes on the first read
            assertThrows(IOException.class, () -> echoOnce(socket, "me"));
        }
        assertReason(HandshakeFailure.BAD_CERTIFICATE, server.nextOutcome());
        assertEquals(1, server.metrics().failed(HandshakeFailure.BAD_CERTIFICATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aClientCertificateFromAnUntrustedAuthorityIsRefused(String protocol) throws Exception {
        Issued stranger = TestPki.authority("Someone Else's CA").issue("mallory", KeyKind.EC);
        server = servers.closeAfterwards(new TlsTestServer(mutual(ClientAuthentication.Mode.WANTED), echo()));
        try (SSLSocket socket = connect(ca.clientContextPresentingAlways(stranger), server.port(),
                p -> p.setProtocols(new String[] {protocol}))) {
            assertThrows(IOException.class, () -> echoOnce(socket, "me"));
        }
        assertReason(HandshakeFailure.BAD_CERTIFICATE, server.nextOutcome());
    }

    @Test
    void anExpiredClientCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        Issued expired = ca.issue("bob", KeyKind.EC, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)));
        server = servers.closeAfterwards(new TlsTestServer(mutual(ClientAuthentication.Mode.REQUIRED), echo()));
        try (SSLSocket socket = connect(ca.clientContext(expired), server.port(), p -> { })) {
            assertThrows(IOException.class, () -> echoOnce(socket, "me"));
        }
        assertReason(HandshakeFailure.BAD_CERTIFICATE, server.nextOutcome());
    }

    static void assertReason(HandshakeFailure expected, TlsTestServer.Outcome outcome) {
        assertNotNull(outcome.failure(), "the handshake should have failed");
        assertEquals(expected, outcome.failure().reason(), () -> outcome.failure() + " caused by " + outcome.failure().getCause());
    }

    @Test
    void aWantedClientCertificateMayBeAbsent() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(mutual(ClientAuthentication.Mode.WANTED), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("anon", echoOnce(socket, "anon"));
        }
        assertEquals(List.of(), server.nextOutcome().info().peerCertificates());
    }

    // ---- refusals ----

    @ParameterizedTest
    @ValueSource(ints = {0x0301, 0x0302})
    void tls10And11ClientHellosAreRefusedWithAProtocolVersionAlert(int version) throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write(ClientHellos.legacy(version));
            byte[] alert = socket.getInputStream().readNBytes(7);
            assertArrayEquals(new byte[] {21, 3, alert[2], 0, 2, 2, 70}, alert, "a fatal protocol_version alert");
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(HandshakeFailure.PROTOCOL_VERSION, server.nextOutcome().failure().reason());
        assertEquals(1, server.metrics().failed(HandshakeFailure.PROTOCOL_VERSION));
    }

    @Test
    void aClientWithNoSharedCipherSuiteIsRefusedWithHandshakeFailure() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> {
            p.setProtocols(new String[] {"TLSv1.2"});
            p.setCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
        })) {
            SSLException refused = assertThrows(SSLException.class, socket::startHandshake);
            assertTrue(refused.getMessage().contains("handshake_failure"), refused.getMessage());
        }
        assertEquals(HandshakeFailure.NO_SHARED_CIPHER, server.nextOutcome().failure().reason());
    }

    @Test
    void aClientThatRefusesTheServersCertificateIsCountedAsBadCertificate() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        SSLContext trustsNobodyHere = TestPki.authority("Unrelated CA").clientContext();
        try (SSLSocket socket = connect(trustsNobodyHere, server.port(), p -> { })) {
            assertThrows(SSLException.class, socket::startHandshake);
        }
        assertReason(HandshakeFailure.BAD_CERTIFICATE, server.nextOutcome());
    }

    @Test
    void garbageInsteadOfAClientHelloIsClosedAndCountedAsNotTls() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write(new byte[] {0, 1, 2, 3, 'x', 'y', 'z', '\n', 0x7f});
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(HandshakeFailure.NOT_TLS, server.nextOutcome().failure().reason());
        assertEquals(1, server.metrics().failed(HandshakeFailure.NOT_TLS));
    }

    @Test
    void aPlaintextHttpRequestIsAnsweredWithA400SayingThePortSpeaksTls() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (Socket socket = raw(server.port())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.endsWith("This port speaks TLS: use https:// instead of http://\n"), response);
        }
        assertEquals(HandshakeFailure.NOT_TLS, server.nextOutcome().failure().reason());
    }

    @Test
    void aPlaintextRequestArrivingByteByByteIsStillRecognised() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (Socket socket = raw(server.port())) {
            socket.setTcpNoDelay(true);
            for (byte b : "OPTIONS * HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) {
                socket.getOutputStream().write(b);
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        }
    }

    @Test
    void aClientThatConnectsAndClosesIsCountedAsPeerClosed() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        raw(server.port()).close();
        assertEquals(HandshakeFailure.PEER_CLOSED, server.nextOutcome().failure().reason());
    }

    @Test
    void aClientThatNeverFinishesTheHandshakeIsCutOffAtTheDeadline() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(
                config().handshakeTimeout(Duration.ofMillis(300)).build(), echo()));
        try (Socket silent = raw(server.port()); Socket stalled = raw(server.port())) {
            byte[] hello = ClientHellos.legacy(ClientHellos.TLS_1_2);
            stalled.getOutputStream().write(hello, 0, 10); // a record header and a little more, then nothing
            assertEquals(HandshakeFailure.TIMEOUT, server.nextOutcome().failure().reason());
            assertEquals(HandshakeFailure.TIMEOUT, server.nextOutcome().failure().reason());
            assertEquals(-1, silent.getInputStream().read());
            assertEquals(-1, stalled.getInputStream().read());
        }
        assertEquals(2, server.metrics().failed(HandshakeFailure.TIMEOUT));
    }

    @Test
    void closingTheChannelFromAnotherThreadEndsABlockedHandshakeAtOnce() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(
                config().handshakeTimeout(Duration.ofMinutes(5)).build(), echo()));
        try (Socket silent = raw(server.port())) {
            server.nextAccepted().close();
            TlsHandshakeException failure = server.nextOutcome().failure(); // well before the five minutes
            assertNotNull(failure);
            assertEquals(HandshakeFailure.OTHER, failure.reason(), "closed by the server before the deadline");
        }
    }

    @Test
    void failedHandshakesDoNotDisturbOtherConnections() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (SSLSocket good = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("before", echoOnce(good, "before"));
            for (int i = 0; i < 20; i++) {
                try (Socket bad = raw(server.port())) {
                    bad.getOutputStream().write(i % 2 == 0 ? ClientHellos.legacy(ClientHellos.TLS_1_1) : new byte[] {1, 2, 3});
                    bad.getInputStream().readAllBytes();
                }
            }
            Poll.untilEqual("failed handshakes", 20, () -> server.metrics().handshakesFailedTotal());
            assertEquals("after", echoOnce(good, "after"));
        }
    }
}
