package dev.weft.samples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.core.tls.TlsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.samples.tls.DevelopmentCertificate;
import dev.weft.samples.tls.DevelopmentTrust;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code http} sample with {@code --https-port}: one component, the same routes over HTTP and
 * HTTPS, and HTTP/2 on both ports — prior knowledge on the plain port (frames written by hand
 * here, and {@code curl --http2-prior-knowledge} where installed), {@code h2} by ALPN on the HTTPS
 * port ({@code java.net.http.HttpClient}, whose default version is HTTP/2).
 */
class HttpsSampleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MEBIBYTE = new byte[1 << 20];

    static {
        new Random(7).nextBytes(MEBIBYTE);
    }

    @TempDir
    Path dir;
    private final DevelopmentCertificate certificate = DevelopmentCertificate.create();

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpSampleComponent app;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        HttpServerConfig https = HttpServerConfig.builder().name("https").host("127.0.0.1").port(0)
                .tls(TlsConfig.builder().certificate(certificate.keyMaterial()).noReloadChecks().build()).build();
        app = DaggerHttpSampleComponent.factory().create(HttpServerConfig.loopback(0), Optional.of(https),
                BundledPage.load(), Optional.empty());
        servers.start(app.server());
        servers.start(app.httpsServer().orElseThrow());
        client = servers.closeAfterwards(HttpClient.newBuilder()
                .sslContext(DevelopmentTrust.trusting(certificate.certificate())).connectTimeout(TIMEOUT).build());
    }

    private HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    @Test
    void theSameRoutesAnswerTheSameOverHttpAndHttps() throws Exception {
        HttpServer https = app.httpsServer().orElseThrow();
        assertEquals("https", https.uri("/").getScheme());
        for (String path : new String[] {"/hello", "/users/42", "/clients"}) {
            HttpResponse<String> plain = get(app.server(), path);
            HttpResponse<String> secure = get(https, path);
            assertEquals(200, secure.statusCode(), path);
            assertEquals(plain.body(), secure.body(), path);
        }
        assertEquals(404, get(https, "/nothing-here").statusCode());
        assertEquals(1, https.metrics().tls().handshakesCompleted());
    }

    @Test
    void withoutHttpsTheComponentHasNoSecondServer() {
        HttpSampleComponent plain = DaggerHttpSampleComponent.factory().create(HttpServerConfig.loopback(0),
                Optional.empty(), BundledPage.load(), Optional.empty());
        assertEquals(Optional.empty(), plain.httpsServer());
    }

    @Test
    void theHttpsPortServesHttp2ByAlpn() throws Exception {
        HttpServer https = app.httpsServer().orElseThrow();
        HttpResponse<String> hello = client.send(HttpRequest.newBuilder(https.uri("/hello")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, hello.version());
        assertEquals("Hello, World!", hello.body());
        HttpResponse<byte[]> echoed = client.send(HttpRequest.newBuilder(https.uri("/echo")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(MEBIBYTE)).build(), BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, echoed.version());
        assertArrayEquals(MEBIBYTE, echoed.body());
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(https.uri("/nothing-here")).timeout(TIMEOUT)
                .build(), BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertEquals(1, https.http2Metrics().connections());
    }

    @Test
    void thePlainPortServesHttp2WithPriorKnowledge() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.server().port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(PREFACE);
            frame(out, 0x4, 0, 0, new byte[0]); // SETTINGS, none changed
            frame(out, 0x1, 0x5, 1, get("/hello")); // HEADERS, END_STREAM | END_HEADERS
            frame(out, 0x1, 0x5, 3, get("/nothing-here"));
            Exchange hello = new Exchange();
            Exchange missing = new Exchange();
            while (!hello.done || !missing.done) {
                int length = in.readUnsignedByte() << 16 | in.readUnsignedShort();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int stream = in.readInt() & 0x7fffffff;
                byte[] payload = in.readNBytes(length);
                if (type == 0x4 && (flags & 0x1) == 0) {
                    frame(out, 0x4, 0x1, 0, new byte[0]); // SETTINGS ACK
                }
                Exchange exchange = stream == 1 ? hello : stream == 3 ? missing : null;
                if (exchange != null && (type == 0x0 || type == 0x1)) {
                    exchange.take(type, flags, payload);
                }
            }
            assertEquals(0x88, hello.firstHeaderByte, ":status 200 (HPACK static index 8)");
            assertEquals("Hello, World!", hello.body.toString(StandardCharsets.US_ASCII));
            assertEquals(0x8d, missing.firstHeaderByte, ":status 404 (HPACK static index 13)");
        }
        assertEquals(1, app.server().http2Metrics().connections());
    }

    @Test
    void curlWithPriorKnowledgeEchoesAMebibyte() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        Path body = Files.write(dir.resolve("body.bin"), MEBIBYTE);
        Path echoed = dir.resolve("echoed.bin");
        Process curl = new ProcessBuilder(List.of("/usr/bin/curl", "-sS", "--http2-prior-knowledge",
                "--data-binary", "@" + body, "-o", echoed.toString(), "-w", "%{http_version} %{http_code}",
                app.server().uri("/echo").toString())).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
        assertEquals("2 200", output);
        assertArrayEquals(MEBIBYTE, Files.readAllBytes(echoed));
    }

    /** A request header block from the HPACK static table and literals, without Huffman coding. */
    private static byte[] get(String path) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x82); // :method GET
        block.write(0x86); // :scheme http
        literal(block, 0x04, path); // :path, not indexed
        literal(block, 0x01, "localhost"); // :authority, not indexed
        return block.toByteArray();
    }

    private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        block.write(nameIndex); // literal without indexing, indexed name (index < 15)
        block.write(bytes.length); // length < 127, no Huffman
        block.writeBytes(bytes);
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        byte[] header = {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                (byte) stream};
        out.write(header);
        out.write(payload);
        out.flush();
    }

    /** What one stream's response brought: the first byte of its header block, its body, its end. */
    private static final class Exchange {
        int firstHeaderByte = -1;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean done;

        void take(int type, int flags, byte[] payload) {
            if (type == 0x1 && firstHeaderByte < 0) {
                firstHeaderByte = payload[0] & 0xff;
            } else if (type == 0x0) {
                body.writeBytes(payload);
            }
            done |= (flags & 0x1) != 0;
        }
    }
}
