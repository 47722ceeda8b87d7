package dev.weft.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.testing.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the server's heap per idle TLS connection — handshake done, buffers released as on
 * {@code idle(true)}, the connection's virtual thread blocked in a read — against a plain one,
 * with 1,000 connections from clients in another JVM. A measurement, not a test of a target: run
 * it by hand with {@code -Dweft.measure=true}; it prints the figures.
 */
@EnabledIfSystemProperty(named = "weft.measure", matches = "true")
class IdleTlsConnectionHeapMeasurement {

    private static final int CONNECTIONS = 1_000;

    @TempDir
    Path dir;

    @Test
    void heapPerIdleConnection() throws Exception {
        TestPki ca = TestPki.authority("Measurement CA");
        Issued localhost = ca.issue("localhost", KeyKind.EC, "localhost", "127.0.0.1");
        Path caPem = TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()));
        TlsConfig config = TlsConfig.builder().noReloadChecks().certificate(KeyMaterial.pem(
                TestPki.writeCertificates(dir.resolve("chain.pem"), localhost.chain()),
                TestPki.writePkcs8(dir.resolve("key.pem"), localhost.key()))).build();

        long plain = measurePlain();
        long tls;
        try (TlsTestServer server = new TlsTestServer(config, connection -> {
            connection.tls().releaseBuffers(); // what SocketConnection.idle(true) will do
            connection.tls().read(new byte[512], 0, 512);
        })) {
            tls = measure(server.port(), "tls", caPem, () -> server.metrics().handshakesCompleted());
        }
        System.out.printf("idle connection heap, %d connections: plain %,d bytes each, TLS %,d bytes each (+%,d for TLS)%n",
                CONNECTIONS, plain, tls, tls - plain);
    }

    /** A plain server with the same shape: one virtual thread per connection blocked reading into 512 bytes. */
    private long measurePlain() throws Exception {
        AtomicInteger connected = new AtomicInteger();
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2_048)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        SocketChannel channel = listener.accept();
                        connected.incrementAndGet();
                        Thread.ofVirtual().start(() -> {
                            try (channel) {
                                new SocketChannelTransport(channel).read(new byte[512], 0, 512);
                            } catch (IOException e) {
                                // the measuring client went away
                            }
                        });
                    }
                } catch (ClosedChannelException e) {
                    // done
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long perConnection = measure(((InetSocketAddress) listener.getLocalAddress()).getPort(), "plain", null, connected::get);
            listener.close();
            acceptor.join();
            return perConnection;
        }
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
