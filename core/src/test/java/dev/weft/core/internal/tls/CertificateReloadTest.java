package dev.weft.core.internal.tls;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static dev.weft.core.fixtures.TlsSockets.echoOnce;
import static dev.weft.core.internal.tls.TlsHandshakeTest.echo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.CertificateFingerprint;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.ReloadResult;
import dev.weft.core.tls.TlsConfig;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Certificates replaced without a restart: new handshakes get the new one, live sessions keep theirs, bad files are refused. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CertificateReloadTest {

    private static TestPki ca;
    private static Issued first;
    private static Issued second;

    @TempDir
    Path dir;

    private Path chain;
    private Path key;
    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TlsTestServer server;
    private CertificateWatcher watcher;

    @BeforeAll
    static void certificates() {
        ca = TestPki.authority("Reload CA");
        first = ca.issue("first", KeyKind.EC, "localhost");
        second = ca.issue("second", KeyKind.EC, "localhost");
    }

    @BeforeEach
    void start() throws Exception {
        chain = dir.resolve("chain.pem");
        key = dir.resolve("key.pem");
        install(first);
        server = servers.closeAfterwards(new TlsTestServer(
                TlsConfig.builder().certificate(KeyMaterial.pem(chain, key)).noReloadChecks().build(), echo()));
    }

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
    }

    private void install(Issued issued) throws IOException {
        TestPki.writeCertificates(chain, issued.chain());
        TestPki.writePkcs8(key, issued.key());
    }

    private String presented() throws IOException {
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            socket.startHandshake();
            return CertificateFingerprint.sha256((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    private static String fingerprint(Issued issued) {
        return CertificateFingerprint.sha256(issued.leaf());
    }

    @Test
    void aReloadServesTheNewCertificateToNewHandshakesAndLeavesLiveSessionsAlone() throws Exception {
        try (SSLSocket live = connect(ca.clientContext(), server.port(), p -> { })) {
            assertEquals("before", echoOnce(live, "before"));
            install(second);

            ReloadResult result = server.context().reload();

            assertEquals(new ReloadResult.Reloaded(fingerprint(second), java.util.List.of()), result);
            assertEquals(fingerprint(second), presented());
            assertEquals("after", echoOnce(live, "after"));
            assertEquals(fingerprint(first),
                    CertificateFingerprint.sha256((X509Certificate) live.getSession().getPeerCertificates()[0]));
        }
    }

    @Test
    void aBrokenFileIsRefusedAndTheCertificateInUseStays() throws Exception {
        TestPki.writeCertificates(chain, second.chain()); // renewal caught half-way: new chain, old key

        ReloadResult result = server.context().reload();

        ReloadResult.Refused refused = assertInstanceOf(ReloadResult.Refused.class, result);
        assertEquals(chain + ": certificate does not match the private key in " + key, refused.reason());
        assertEquals(fingerprint(first), presented());
        assertEquals(fingerprint(first), server.context().certificateFingerprint());
    }

    @Test
    void reloadingUnchangedFilesDoesNothing() {
        assertEquals(new ReloadResult.Unchanged(), server.context().reload());
    }

    @Test
    void theWatcherReloadsChangedFilesAndRefusesABrokenOneOnce() throws Exception {
        watcher = CertificateWatcher.start(server.context(), Duration.ofMillis(20), task -> Thread.ofVirtual().name("tls-reload").start(task));
        install(second);
        Poll.until("the watcher to load the second certificate",
                () -> watcher.lastResult() instanceof ReloadResult.Reloaded r && r.fingerprint().equals(fingerprint(second)));
        assertEquals(fingerprint(second), presented());

        TestPki.writePkcs8(key, first.key());
        Poll.until("the watcher to refuse a key that does not match", () -> watcher.lastResult() instanceof ReloadResult.Refused);
        assertEquals(fingerprint(second), presented());
    }

    @Test
    void aFileMissingDuringARotationIsRefusedUntilTheNewFilesAreComplete() throws Exception {
        watcher = CertificateWatcher.start(server.context(), Duration.ofMillis(20), task -> Thread.ofVirtual().name("tls-reload").start(task));
        Files.delete(key);
        Poll.until("the watcher to refuse the missing key", () -> watcher.lastResult() instanceof ReloadResult.Refused r
                && r.reason().equals(key + ": no such file"));
        assertEquals(fingerprint(first), presented());

        install(second);
        Poll.until("the watcher to load the complete new files",
                () -> watcher.lastResult() instanceof ReloadResult.Reloaded r && r.fingerprint().equals(fingerprint(second)));
    }

    @Test
    void stoppingTheWatcherEndsItsThread() {
        watcher = CertificateWatcher.start(server.context(), Duration.ofMinutes(1), task -> Thread.ofVirtual().name("tls-reload").start(task));
        assertTrue(watcher.isRunning());
        watcher.stop();
        assertFalse(watcher.isRunning(), "stop() returns once the thread has ended");
        watcher.stop();
    }

    @Test
    void handshakesDuringRepeatedReloadsAllSucceed() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Thread clients = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 60; i++) {
                try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
                    if (!echoOnce(socket, "ping").equals("ping")) {
                        failures.incrementAndGet();
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
                done.incrementAndGet();
            }
        });
        for (int i = 0; i < 6; i++) {
            install(i % 2 == 0 ? second : first);
            assertInstanceOf(ReloadResult.Reloaded.class, server.context().reload());
        }
        clients.join();
        assertEquals(60, done.get());
        assertEquals(0, failures.get());
        assertEquals(0, server.metrics().handshakesFailedTotal());
        assertTrue(server.metrics().handshakesCompleted() >= 60);
    }
}
