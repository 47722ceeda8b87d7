package dev.weft.core.proxy;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static dev.weft.core.fixtures.TlsSockets.raw;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.BufferedInput;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsClientConfig;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TrustMaterial;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A {@link TcpProxy} speaking TLS to its backends, and terminating TLS from its clients too. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpProxyTlsTest {

    /** Answers every line with the tag and the line; at the client's end of stream, half-closes. */
    private static ConnectionHandler tagged(String tag) {
        return connection -> {
            BufferedInput lines = new BufferedInput(connection);
            for (String line; (line = lines.readLine(1_024)) != null; ) {
                connection.write((tag + " " + line + " " + connection.tls().map(t -> t.protocol()).orElse("plain") + "\n")
                        .getBytes(UTF_8));
            }
            connection.shutdownOutput();
        };
    }

    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpProxy proxy;

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("Proxy TLS CA");
        ca = fixture.ca();
    }

    private TcpServer start(TcpServerConfig.Builder config, ConnectionHandler handler) {
        return servers.start(new TcpServer(config.host("127.0.0.1").port(0).build(), handler));
    }

    private static InetSocketAddress localhost(TcpServer server) throws IOException {
        return new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), server.port());
    }

    private TlsClientConfig trustingTheTestCa() throws IOException {
        return TlsClientConfig.builder()
                .trusted(TrustMaterial.pem(TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()))))
                .build();
    }

    private TcpServer proxyTo(TcpServerConfig.Builder front, List<InetSocketAddress> backends) throws IOException {
        proxy = servers.closeAfterwards(new TcpProxy(ProxyConfig.of(backends).withBackendTls(trustingTheTestCa())));
        return start(front, proxy);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("end of stream after '" + line + "'");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void plainClientsReachATlsBackendAndHalfClosesPassThrough() throws Exception {
        TcpServer backend = start(TcpServerConfig.builder().tls(fixture.config(dir).build()), tagged("b"));
        TcpServer front = proxyTo(TcpServerConfig.builder(), List.of(localhost(backend)));
        try (Socket client = raw(front.port())) {
            client.getOutputStream().write("one\ntwo\n".getBytes(UTF_8));
            assertEquals("b one TLSv1.3", readLine(client.getInputStream()));
            assertEquals("b two TLSv1.3", readLine(client.getInputStream()));
            client.shutdownOutput();
            assertEquals(-1, client.getInputStream().read(), "the backend's half-close came through");
        }
        assertEquals(1, proxy.backendTlsMetrics().handshakesCompleted());
        assertEquals(1, backend.metrics().tls().handshakesCompleted());
    }

    @Test
    void aBackendWhoseCertificateDoesNotVerifyIsSkippedForTheNextOne() throws Exception {
        Issued wrongName = ca.issue("elsewhere", KeyKind.EC, "elsewhere.example");
        TcpServer impostor = start(TcpServerConfig.builder().tls(TlsConfig.builder()
                .certificate(LocalhostFixture.pem(dir, "elsewhere", wrongName)).noReloadChecks().build()), tagged("impostor"));
        TcpServer genuine = start(TcpServerConfig.builder().tls(fixture.config(dir).build()), tagged("genuine"));
        TcpServer front = proxyTo(TcpServerConfig.builder(), List.of(localhost(impostor), localhost(genuine)));
        try (Socket client = raw(front.port())) {
            client.getOutputStream().write("hello\n".getBytes(UTF_8));
            assertEquals("genuine hello TLSv1.3", readLine(client.getInputStream()));
        }
        assertEquals(1, proxy.backendTlsMetrics().failed(HandshakeFailure.BAD_CERTIFICATE));
        assertEquals(1, proxy.metrics().backends().get(0).connectFailures());
        Poll.untilEqual("the impostor counted the refusal", 1, () -> impostor.metrics().tls().handshakesFailedTotal());
    }

    @Test
    void theProxyTerminatesClientTlsAndOriginatesBackendTls() throws Exception {
        TcpServer backend = start(TcpServerConfig.builder().tls(fixture.config(dir).build()), tagged("b"));
        TcpServer front = proxyTo(TcpServerConfig.builder().tls(fixture.config(dir).build()), List.of(localhost(backend)));
        try (Socket client = connect(ca.clientContext(), front.port(), p -> p.setProtocols(new String[] {"TLSv1.2"}))) {
            client.getOutputStream().write("through\n".getBytes(UTF_8));
            assertEquals("b through TLSv1.3", readLine(client.getInputStream()));
        }
        assertEquals(1, front.metrics().tls().handshakesCompleted());
        assertEquals(1, backend.metrics().tls().handshakesCompleted());
    }
}
