package dev.weft.core.internal.tls;

import static dev.weft.core.fixtures.TlsSockets.connect;
import static dev.weft.core.fixtures.TlsSockets.echoOnce;
import static dev.weft.core.internal.tls.TlsHandshakeTest.echo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.tls.TlsConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Application data through the record layer: sizes, files, half-close, concurrent writers, HTTP clients. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTransportTest {

    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TlsTestServer server;

    @BeforeAll
    static void certificates() {
        fixture = LocalhostFixture.create("Transport CA");
        ca = fixture.ca();
    }

    private TlsConfig.Builder config() throws IOException {
        return fixture.config(dir);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 16_384})
    void aMegabyteIsEchoedWhateverTheReadersBufferSize(int readBufferBytes) throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), connection -> {
            byte[] buffer = new byte[readBufferBytes];
            int n;
            while ((n = connection.tls().read(buffer, 0, buffer.length)) > 0) {
                connection.write(Arrays.copyOf(buffer, n));
            }
        }));
        byte[] sent = random(1 << 20);
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(sent);
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] received = socket.getInputStream().readNBytes(sent.length);
            writer.join();
            assertArrayEquals(sent, received);
        }
    }

    @Test
    void aFileIsSentByBufferedCopy() throws Exception {
        byte[] content = random(300_001);
        Path file = Files.write(dir.resolve("file.bin"), content);
        server = servers.closeAfterwards(new TlsTestServer(config().build(), connection -> {
            try (FileChannel channel = FileChannel.open(file)) {
                connection.writeLock().lock();
                try {
                    assertEquals(content.length - 7, connection.tls().transferFrom(channel, 7, content.length));
                    connection.tls().shutdownOutput();
                } finally {
                    connection.writeLock().unlock();
                }
            }
        }));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            assertArrayEquals(Arrays.copyOfRange(content, 7, content.length), socket.getInputStream().readAllBytes());
        }
    }

    @Test
    void shutdownOutputSendsCloseNotifyAndAPeersCloseNotifyEndsTheRead() throws Exception {
        BlockingQueue<String> serverSaw = new LinkedBlockingQueue<>();
        server = servers.closeAfterwards(new TlsTestServer(config().build(), connection -> {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[64];
            int n;
            while ((n = connection.tls().read(buffer, 0, buffer.length)) > 0) {
                received.write(buffer, 0, n);
            }
            serverSaw.add(received.toString(StandardCharsets.UTF_8) + "|" + n);
            connection.write("bye".getBytes(StandardCharsets.UTF_8));
            connection.shutdownOutput();
        }));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            socket.getOutputStream().write("request".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput(); // TLS 1.3 half-close: close_notify, and the socket can still read
            assertEquals("request|-1", serverSaw.poll(10, TimeUnit.SECONDS));
            InputStream in = socket.getInputStream();
            assertEquals("bye", new String(in.readNBytes(3), StandardCharsets.UTF_8));
            assertEquals(-1, in.read(), "close_notify ends the client's read");
        }
    }

    @Test
    void anotherThreadWritesWhileTheConnectionThreadIsBlockedReading() throws Exception {
        CountDownLatch readerBlocked = new CountDownLatch(1);
        server = servers.closeAfterwards(new TlsTestServer(config().build(), connection -> {
            Thread pusher = Thread.ofVirtual().start(() -> {
                try {
                    readerBlocked.await();
                    for (int i = 0; i < 500; i++) {
                        connection.write(("push " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            readerBlocked.countDown();
            byte[] buffer = new byte[1_024];
            int n;
            while ((n = connection.tls().read(buffer, 0, buffer.length)) > 0) {
                connection.write(Arrays.copyOf(buffer, n));
            }
            pusher.join();
        }));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                expected.append("push ").append(i).append('\n');
            }
            byte[] pushed = socket.getInputStream().readNBytes(expected.length());
            assertEquals(expected.toString(), new String(pushed, StandardCharsets.UTF_8));
            assertEquals("echo", echoOnce(socket, "echo"));
        }
    }

    @Test
    void handshakesRecordsAndConcurrentWritesDoNotPinCarrierThreads() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (PinningRecorder recorder = PinningRecorder.start()) {
            for (int i = 0; i < 20; i++) {
                try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
                    String payload = "p".repeat(20_000 + i);
                    assertEquals(payload, echoOnce(socket, payload));
                }
            }
            recorder.assertNoPinning();
        }
    }

    @Test
    void aWriteWithoutTheWriteLockIsRefused() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(
                config().build(), connection -> connection.tls().write(new byte[1], 0, 1)));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            socket.startHandshake();
            Throwable failure = server.nextHandlerFailure();
            assertEquals("writes to a TLS transport must hold the connection's write lock", failure.getMessage());
        }
    }

    @Test
    void tls12RenegotiationIsRefusedByClosingTheConnection() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), echo()));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> p.setProtocols(new String[] {"TLSv1.2"}))) {
            assertEquals("one", echoOnce(socket, "one"));
            socket.startHandshake(); // asks for a new handshake on the established connection
            assertThrows(IOException.class, () -> echoOnce(socket, "two"));
        }
        SSLProtocolException refused = assertInstanceOf(SSLProtocolException.class, server.nextHandlerFailure());
        assertEquals("TLS renegotiation refused", refused.getMessage());
    }

    @Test
    void buffersReleasedWhileIdleAreRemadeForTheNextRecord() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), connection -> {
            byte[] buffer = new byte[100];
            int n;
            while ((n = connection.tls().read(buffer, 0, buffer.length)) > 0) {
                connection.write(Arrays.copyOf(buffer, n));
                connection.tls().releaseBuffers();
            }
        }));
        try (SSLSocket socket = connect(ca.clientContext(), server.port(), p -> { })) {
            for (int i = 0; i < 5; i++) {
                String big = "x".repeat(5_000 * i + 1);
                assertEquals(big, echoOnce(socket, big));
            }
        }
    }

    @Test
    void javaNetHttpClientGetsAnAnswerOverHttpsWithAlpn() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(
                config().applicationProtocols("http/1.1").build(), TlsTransportTest::respondOnce));
        HttpClient client = HttpClient.newBuilder().sslContext(ca.clientContext()).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/hello"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("TLSv1.3 http/1.1 localhost", response.body());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }

    @Test
    void javaNetHttpClientSpeakingPlainHttpToTheTlsPortGetsA400() throws Exception {
        server = servers.closeAfterwards(new TlsTestServer(config().build(), TlsTransportTest::respondOnce));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("This port speaks TLS"), response.body());
    }

    /** A tiny HTTP/1.1 responder over the TLS transport: reads one request head, answers with the session. */
    private static void respondOnce(TlsTestServer.Connection connection) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int n = connection.tls().read(buffer, 0, buffer.length);
            if (n < 0) {
                return;
            }
            head.write(buffer, 0, n);
        }
        String body = connection.info().protocol() + " " + connection.info().applicationProtocol().orElse("-") + " "
                + connection.info().serverName().orElse("-");
        connection.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
        connection.shutdownOutput();
    }
}
