package dev.weft.samples.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.tls.KeyMaterial;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples' self-signed development certificate: its names, its fingerprint, and real HTTPS clients accepting it. */
class DevelopmentCertificateTest {

    private static final char[] NO_PASSWORD = new char[0];

    private final DevelopmentCertificate development = DevelopmentCertificate.create();
    private SSLServerSocket listener;
    private Thread server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.close();
            server.join();
        }
    }

    @Test
    void itNamesLocalhostAndBothLoopbackAddresses() throws Exception {
        Set<String> names = development.certificate().getSubjectAlternativeNames().stream()
                .map(entry -> String.valueOf(entry.get(1)))
                .collect(Collectors.toSet());
        assertEquals(Set.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"), names);
        development.certificate().checkValidity();
        development.certificate().verify(development.certificate().getPublicKey());
    }

    @Test
    void itsFingerprintIsTheSha256OfTheCertificateAsBrowsersShowIt() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(development.certificate().getEncoded());
        assertEquals(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest), development.sha256Fingerprint());
        assertTrue(development.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    }

    @Test
    void everyStartMakesANewKeyAndCertificate() {
        assertNotEquals(development.sha256Fingerprint(), DevelopmentCertificate.create().sha256Fingerprint());
    }

    @Test
    void theWrittenPemHoldsTheCertificateAndNoKey() throws Exception {
        Path file = development.writeCertificate(dir.resolve("dev.pem"));
        String pem = Files.readString(file);
        assertFalse(pem.contains("PRIVATE"));
        X509Certificate read = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(development.certificate(), read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void anHttpsClientTrustingItConnectsWithHostNameVerification(String host) throws Exception {
        int port = serveHttps();
        HttpClient client = HttpClient.newBuilder().sslContext(DevelopmentTrust.trusting(development.certificate()))
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("dev", response.body());
    }

    /** A JDK HTTPS responder presenting the development certificate's key material. */
    private int serveHttps() throws Exception {
        KeyMaterial.InMemory material = (KeyMaterial.InMemory) development.keyMaterial();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("dev", material.key(), NO_PASSWORD, material.chain().toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, NO_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server = Thread.ofVirtual().start(() -> {
            while (true) {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(10_000);
                    byte[] head = new byte[4];
                    while (!new String(head, StandardCharsets.ISO_8859_1).equals("\r\n\r\n")) {
                        int b = socket.getInputStream().read();
                        if (b < 0) {
                            break;
                        }
                        System.arraycopy(head, 1, head, 0, 3);
                        head[3] = (byte) b;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\ndev".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                }
            }
        });
        return listener.getLocalPort();
    }
}
