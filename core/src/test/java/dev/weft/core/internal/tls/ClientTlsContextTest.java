package dev.weft.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsClientConfig;
import dev.weft.core.tls.TlsInfo;
import dev.weft.core.tls.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Weft's TLS client against a JDK TLS server: trust, host-name verification, SNI, ALPN, client certificates. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientTlsContextTest {

    private static TestPki ca;

    @TempDir
    Path dir;

    private SSLServerSocket listener;
    private Thread acceptor;
    private final BlockingQueue<SSLSocket> accepted = new LinkedBlockingQueue<>();

    @BeforeAll
    static void authority() {
        ca = TestPki.authority("Client-side CA");
    }

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.close();
            acceptor.join();
        }
        for (SSLSocket socket : accepted) {
            socket.close();
        }
    }

    /** A JDK server presenting {@code certificate} that answers each line with "echo: line". */
    private int serve(Issued certificate, Consumer<SSLParameters> settings) throws IOException {
        return serve(TestPki.serverContext(certificate), settings);
    }

    private int serve(SSLContext context, Consumer<SSLParameters> settings) throws IOException {
        listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SSLParameters parameters = listener.getSSLParameters();
        settings.accept(parameters);
        listener.setSSLParameters(parameters);
        acceptor = Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    SSLSocket socket = (SSLSocket) listener.accept();
                    accepted.add(socket);
                    Thread.ofVirtual().start(() -> echoLines(socket));
                } catch (IOException e) {
                    return; // the listener was closed
                }
            }
        });
        return listener.getLocalPort();
    }

    private static void echoLines(SSLSocket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int b;
            StringBuilder line = new StringBuilder();
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    out.write(("echo: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        } catch (IOException e) {
            // the client failed its handshake or went away: what the tests look at is the client side
        }
    }

    private TrustMaterial trustStore() throws IOException {
        return TrustMaterial.pem(TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate())));
    }

    private record Client(TlsTransport tls, ReentrantLock writeLock, HandshakeCounters counters) {
        String exchange(String line) throws IOException {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            writeLock.lock();
            try {
                tls.write(bytes, 0, bytes.length);
            } finally {
                writeLock.unlock();
            }
            StringBuilder answer = new StringBuilder();
            byte[] one = new byte[1];
            while (tls.read(one, 0, 1) > 0 && one[0] != '\n') {
                answer.append((char) one[0]);
            }
            return answer.toString();
        }
    }

    private static Client connect(ClientTlsContext context, String host, int port) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ReentrantLock writeLock = new ReentrantLock();
        TlsTransport tls = new TlsTransport(new SocketChannelTransport(channel), context.newEngine(host, port), writeLock,
                context.counters(), "test-client[" + host + "]");
        return new Client(tls, writeLock, context.counters());
    }

    private static long soon() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    }

    @Test
    void aServerWhoseCertificateNamesTheHostIsAcceptedAndSniCarriesTheName() throws Exception {
        Issued server = ca.issue("localhost", KeyKind.EC, "localhost");
        int port = serve(server, p -> { });
        ClientTlsContext context = ClientTlsContext.create(TlsClientConfig.builder().trusted(trustStore()).build());
        Client client = connect(context, "localhost", port);
        TlsInfo info = client.tls().handshake(soon());
        assertEquals("TLSv1.3", info.protocol());
        assertEquals(Optional.of("localhost"), info.serverName());
        assertEquals(server.leaf(), info.peerCertificates().get(0));
        assertEquals("echo: hello", client.exchange("hello"));
        assertEquals("echo: again", client.exchange("again"), "the server's post-handshake NewSessionTicket is absorbed");
        client.tls().close();
        assertEquals(1, context.counters().snapshot().handshakesCompleted());
    }

    @Test
    void hostNameVerificationRefusesACertificateForAnotherName() throws Exception {
        int port = serve(ca.issue("other", KeyKind.EC, "other.test"), p -> { });
        ClientTlsContext context = ClientTlsContext.create(TlsClientConfig.builder().trusted(trustStore()).build());
        Client client = connect(context, "localhost", port);
        TlsHandshakeException refused = assertThrows(TlsHandshakeException.class, () -> client.tls().handshake(soon()));
        assertEquals(HandshakeFailure.BAD_CERTIFICATE, refused.reason());
        assertTrue(String.valueOf(refused.getCause().getMessage()).contains("localhost"), refused.getCause().getMessage());
        assertEquals(1, context.counters().snapshot().failed(HandshakeFailure.BAD_CERTIFICATE));
    }

    @Test
    void anIpAddressIsVerifiedAgainstTheCertificatesIpEntries() throws Exception {
        int port = serve(ca.issue("by-ip", KeyKind.RSA, "127.0.0.1"), p -> { });
        ClientTlsContext context = ClientTlsContext.create(TlsClientConfig.builder().trusted(trustStore()).build());
        Client client = connect(context, "127.0.0.1", port);
        TlsInfo info = client.tls().handshake(soon());
        assertEquals(Optional.empty(), info.serverName(), "no SNI for an IP address");
        assertEquals("echo: ip", client.exchange("ip"));
    }

    @Test
    void turningVerificationOffAcceptsAnyNameFromATrustedAuthority() throws Exception {
        int port = serve(ca.issue("other", KeyKind.EC, "other.test"), p -> { });
        ClientTlsContext context = ClientTlsContext.create(TlsClientConfig.builder().trusted(trustStore())
                .verifyHostName(false).build());
        Client client = connect(context, "localhost", port);
        client.tls().handshake(soon());
        assertEquals("echo: trusting", client.exchange("trusting"));
    }

    @Test
    void aServerFromAnUntrustedAuthorityIsRefusedByTheSystemTrustStore() throws Exception {
        int port = serve(ca.issue("localhost", KeyKind.EC, "localhost"), p -> { });
        ClientTlsContext context = ClientTlsContext.create(TlsClientConfig.DEFAULTS);
        Client client = connect(context, "localhost", port);
        assertEquals(HandshakeFailure.BAD_CERTIFICATE,
                assertThrows(TlsHandshakeException.class, () -> client.tls().handshake(soon())).reason());
    }

    @Test
    void alpnAndAClientCertificateAreOffered() throws Exception {
        Issued alice = ca.issue("alice", KeyKind.EC);
        int port = serve(ca.serverContextTrustingClients(ca.issue("localhost", KeyKind.EC, "localhost")), p -> {
            p.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            p.setNeedClientAuth(true);
        });
        ClientTlsContext context = ClientTlsContext.create(TlsClientConfig.builder().trusted(trustStore())
                .applicationProtocols("http/1.1")
                .clientCertificate(KeyMaterial.pem(TestPki.writeCertificates(dir.resolve("alice.pem"), alice.chain()),
                        TestPki.writePkcs8(dir.resolve("alice-key.pem"), alice.key())))
                .build());
        Client client = connect(context, "localhost", port);
        TlsInfo info = client.tls().handshake(soon());
        assertEquals(Optional.of("http/1.1"), info.applicationProtocol());
        assertEquals("echo: mutual", client.exchange("mutual"));
        SSLSocket serverSide = accepted.poll(10, TimeUnit.SECONDS);
        assertEquals(alice.leaf(), (X509Certificate) serverSide.getSession().getPeerCertificates()[0]);
    }
}
