package dev.weft.core.pool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.internal.tls.TlsHandshakeException;
import dev.weft.core.tls.ClientAuthentication;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsClientConfig;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TrustMaterial;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A {@link ConnectionPool} whose connections speak TLS, against a TLS {@link TcpServer}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionPoolTlsTest {

    /** Answers every line with the line and the client certificate's subject, if any. */
    private static final ConnectionHandler LINE_ECHO = connection -> {
        BufferedInput lines = new BufferedInput(connection);
        String peer = connection.tls().flatMap(tls -> tls.peerSubject()).orElse("-");
        for (String line; (line = lines.readLine(1_024)) != null; ) {
            connection.write((line + " " + peer + "\n").getBytes(UTF_8));
        }
    };

    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private TrustMaterial trustedCa;

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("Pool TLS CA");
        ca = fixture.ca();
    }

    @BeforeEach
    void trust() throws IOException {
        trustedCa = TrustMaterial.pem(TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate())));
    }

    private TcpServer server(TlsConfig tls, ConnectionHandler handler) {
        return servers.start(new TcpServer(
                TcpServerConfig.builder().host("127.0.0.1").port(0).tls(tls).build(), handler));
    }

    /** The server's address under the name {@code localhost}, the name the pool verifies. */
    private static InetSocketAddress localhost(TcpServer server) throws IOException {
        return new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), server.port());
    }

    private ConnectionPool pool(PoolConfig config) {
        return servers.closeAfterwards(new ConnectionPool(config));
    }

    private TlsClientConfig.Builder trusting() {
        return TlsClientConfig.builder().trusted(trustedCa);
    }

    private static String exchange(PooledConnection connection, String line) throws IOException {
        connection.output().write((line + "\n").getBytes(UTF_8));
        connection.output().flush();
        StringBuilder answer = new StringBuilder();
        for (int b; (b = connection.input().read()) != '\n'; ) {
            assertTrue(b >= 0, "end of stream after " + answer);
            answer.append((char) b);
        }
        return answer.toString();
    }

    @Test
    void pooledTlsConnectionsAreVerifiedReusedAndCounted() throws Exception {
        TcpServer server = server(fixture.config(dir).build(), LINE_ECHO);
        ConnectionPool pool = pool(PoolConfig.of(localhost(server)).withTls(trusting().build()));
        for (int i = 0; i < 5; i++) {
            try (PooledConnection connection = pool.acquire()) {
                assertEquals("hello " + i + " -", exchange(connection, "hello " + i));
                assertEquals("TLSv1.3", connection.tls().orElseThrow().protocol());
                assertEquals(i + 1, connection.leases());
            }
        }
        assertEquals(1, pool.metrics().created());
        assertEquals(4, pool.metrics().reused());
        assertEquals(1, pool.tlsMetrics().handshakesCompleted());
        assertEquals(1, server.metrics().tls().handshakesCompleted());
    }

    @Test
    void aServerCertificateForAnotherHostIsRefusedUnlessVerificationIsTurnedOff() throws Exception {
        Issued other = ca.issue("other", KeyKind.EC, "other.example");
        TcpServer server = server(TlsConfig.builder().certificate(LocalhostFixture.pem(dir, "other", other))
                .noReloadChecks().build(), LINE_ECHO);
        ConnectionPool verifying = pool(PoolConfig.of(localhost(server)).withTls(trusting().build()));
        assertThrows(SSLHandshakeException.class, verifying::acquire);
        assertEquals(1, verifying.tlsMetrics().failed(HandshakeFailure.BAD_CERTIFICATE));
        assertEquals(1, verifying.metrics().connectFailures());

        ConnectionPool trustingAnyName = pool(PoolConfig.of(localhost(server)).withTls(trusting().verifyHostName(false).build()));
        try (PooledConnection connection = trustingAnyName.acquire()) {
            assertEquals("x -", exchange(connection, "x"));
        }
    }

    @Test
    void aServerTheSystemTrustStoreDoesNotKnowIsRefused() throws Exception {
        TcpServer server = server(fixture.config(dir).build(), LINE_ECHO);
        ConnectionPool pool = pool(PoolConfig.of(localhost(server)).withTls(TlsClientConfig.DEFAULTS));
        assertThrows(SSLHandshakeException.class, pool::acquire);
        assertEquals(1, pool.tlsMetrics().failed(HandshakeFailure.BAD_CERTIFICATE));
        Poll.untilEqual("the server counted the refusal", 1, () -> server.metrics().tls().handshakesFailedTotal());
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsCutOffAtTheHandshakeTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ConnectionPool pool = pool(PoolConfig.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()))
                    .withTls(trusting().handshakeTimeout(Duration.ofMillis(300)).build()));
            TlsHandshakeException failure = assertThrows(TlsHandshakeException.class, pool::acquire);
            assertEquals(HandshakeFailure.TIMEOUT, failure.reason());
            assertEquals(1, pool.tlsMetrics().failed(HandshakeFailure.TIMEOUT));
            assertEquals(0, pool.metrics().leased() + pool.metrics().idle(), "the slot was freed");
        }
    }

    @Test
    void aClientCertificateIsPresentedForMutualTls() throws Exception {
        Issued client = ca.issue("pool-client", KeyKind.EC);
        TcpServer server = server(fixture.config(dir)
                .clientAuthentication(ClientAuthentication.required(trustedCa)).build(), LINE_ECHO);
        ConnectionPool pool = pool(PoolConfig.of(localhost(server))
                .withTls(trusting().clientCertificate(LocalhostFixture.pem(dir, "client", client)).build()));
        try (PooledConnection connection = pool.acquire()) {
            assertEquals("hi O=Weft tests,CN=pool-client", exchange(connection, "hi"));
        }
    }

    @Test
    void anIdleConnectionTheServerEndedWithCloseNotifyIsDiscardedNotReused() throws Exception {
        TcpServer server = server(fixture.config(dir).build(), connection -> {
            BufferedInput lines = new BufferedInput(connection);
            String line = lines.readLine(1_024);
            connection.write((line + " once\n").getBytes(UTF_8)); // then return: close_notify and close
        });
        ConnectionPool pool = pool(PoolConfig.of(localhost(server)).withTls(trusting().build()));
        try (PooledConnection connection = pool.acquire()) {
            assertEquals("a once", exchange(connection, "a"));
        }
        Poll.untilEqual("the server ended the first connection", 1, () -> server.metrics().closed());
        try (PooledConnection connection = pool.acquire()) {
            assertEquals(1, connection.leases(), "a fresh connection");
            assertEquals("b once", exchange(connection, "b"));
        }
        assertEquals(2, pool.metrics().created());
        assertEquals(1, pool.metrics().discarded());
    }

    @Test
    void aPlainPoolHasNoTlsMetrics() throws Exception {
        TcpServer plain = servers.start(new TcpServer(TcpServerConfig.loopback(0), LINE_ECHO));
        ConnectionPool pool = pool(PoolConfig.of(plain.localAddress()));
        try (PooledConnection connection = pool.acquire()) {
            assertEquals("p -", exchange(connection, "p"));
            assertTrue(connection.tls().isEmpty());
        }
        assertEquals(0, pool.tlsMetrics().handshakesCompleted());
    }
}
