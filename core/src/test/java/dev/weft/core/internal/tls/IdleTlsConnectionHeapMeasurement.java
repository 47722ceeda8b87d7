package dev.weft.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.testing.Poll;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the server's heap per idle connection of the integrated engine — a {@link TcpServer}
 * whose handler marks the connection {@linkplain dev.weft.core.Connection#idle(boolean) idle}
 * (which releases the TLS buffers) and blocks in a 512-byte read — over TLS against plaintext,
 * with 1,000 connections from clients in another JVM. A measurement, not a test of a target: run
 * it by hand with {@code -Dweft.measure=true}; it prints the figures.
 */
@EnabledIfSystemProperty(named = "weft.measure", matches = "true")
class IdleTlsConnectionHeapMeasurement {

    private static final int CONNECTIONS = 1_000;

    /** What an idle keep-alive protocol does between requests. */
    private static final ConnectionHandler IDLE_READER = connection -> {
        connection.idle(true);
        connection.read(new byte[512], 0, 512);
    };

    @TempDir
    Path dir;

    @Test
    void heapPerIdleConnection() throws Exception {
        TestPki ca = TestPki.authority("Measurement CA");
        Issued localhost = ca.issue("localhost", KeyKind.EC, "localhost", "127.0.0.1");
        Path caPem = TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()));
        TlsConfig tls = TlsConfig.builder().noReloadChecks().certificate(KeyMaterial.pem(
                TestPki.writeCertificates(dir.resolve("chain.pem"), localhost.chain()),
                TestPki.writePkcs8(dir.resolve("key.pem"), localhost.key()))).build();
        TcpServerConfig.Builder config = TcpServerConfig.builder().host("127.0.0.1").port(0).maxConnections(2 * CONNECTIONS);

        long plain;
        try (TcpServer server = new TcpServer(config.build(), IDLE_READER).start()) {
            plain = measure(server.port(), "plain", null, () -> server.metrics().active());
        }
        long secure;
        try (TcpServer server = new TcpServer(config.tls(tls).build(), IDLE_READER).start()) {
            secure = measure(server.port(), "tls", caPem, () -> server.metrics().tls().handshakesCompleted());
        }
        System.out.printf("idle connection heap, %d connections, TcpServer: plain %,d bytes each, TLS %,d bytes each"
                + " (+%,d for TLS)%n", CONNECTIONS, plain, secure, secure - plain);
    }

    private static long measure(int port, String mode, Path caPem, java.util.function.LongSupplier established) throws Exception {
        long before = usedHeapAfterGc();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IdleClients.class.getName(), String.valueOf(port), String.valueOf(CONNECTIONS), mode,
                caPem == null ? "-" : caPem.toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process clients = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("ready " + CONNECTIONS, out.readLine());
            Poll.untilEqual(mode + " connections established", CONNECTIONS, established);
            long after = usedHeapAfterGc();
            return (after - before) / CONNECTIONS;
        } finally {
            clients.getOutputStream().close();
            clients.waitFor();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
