package dev.weft.http.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.internal.HttpDate;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Static files through a real server: types, validators, ranges, zero-copy bodies, and no escape. */
class StaticFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path temp;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpServer server;
    private HttpClient client;
    private byte[] large;

    @BeforeEach
    void start() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "SECRET");
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve("a.txt"), "0123456789");
        Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(MODIFIED));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/style.css"), "body{}");
        large = new byte[1 << 20];
        new Random(7).nextBytes(large);
        Files.write(root.resolve("large.bin"), large);
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dirlink"), outside);
        Files.createSymbolicLink(root.resolve("inner.txt"), root.resolve("a.txt"));
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0),
                Router.of(List.of(Route.get("/static/*", new StaticFiles(root))))));
        client = servers.closeAfterwards(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void fileIsServedWithTypeLengthAndValidators() throws Exception {
        HttpResponse<byte[]> response = get("/static/a.txt");
        assertEquals(200, response.statusCode());
        assertEquals("0123456789", text(response));
        assertEquals("text/plain; charset=utf-8", header(response, "Content-Type"));
        assertEquals("10", header(response, "Content-Length"));
        assertEquals("Wed, 01 May 2024 10:00:00 GMT", header(response, "Last-Modified"));
        assertEquals("bytes", header(response, "Accept-Ranges"));
        assertEquals("text/css; charset=utf-8", header(get("/static/sub/style.css"), "Content-Type"));
    }

    @Test
    void largeFileArrivesIntact() throws Exception {
        HttpResponse<byte[]> response = get("/static/large.bin");
        assertEquals("application/octet-stream", header(response, "Content-Type"));
        assertArrayEquals(large, response.body());
    }

    @Test
    void directoryIsServedByItsIndex() throws Exception {
        HttpResponse<byte[]> response = get("/static/");
        assertEquals("<h1>home</h1>", text(response));
        assertEquals("text/html; charset=utf-8", header(response, "Content-Type"));
        assertEquals(404, get("/static/sub/").statusCode(), "a directory without index is not listed");
    }

    @Test
    void ifModifiedSinceAndIfNoneMatchYield304() throws Exception {
        assertEquals(304, get("/static/a.txt", "If-Modified-Since", HttpDate.format(MODIFIED)).statusCode());
        assertEquals(200, get("/static/a.txt", "If-Modified-Since",
                HttpDate.format(MODIFIED.minusSeconds(1))).statusCode());
        String etag = header(get("/static/a.txt"), "ETag");
        HttpResponse<byte[]> notModified = get("/static/a.txt", "If-None-Match", "\"other\", " + etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(etag, header(notModified, "ETag"));
        assertEquals(0, notModified.body().length);
        assertEquals(200, get("/static/a.txt", "If-None-Match", "\"other\"",
                "If-Modified-Since", HttpDate.format(MODIFIED.plusSeconds(60))).statusCode(),
                "If-None-Match takes precedence over If-Modified-Since");
    }

    @Test
    void singleRangeYields206() throws Exception {
        HttpResponse<byte[]> part = get("/static/a.txt", "Range", "bytes=2-4");
        assertEquals(206, part.statusCode());
        assertEquals("234", text(part));
        assertEquals("bytes 2-4/10", header(part, "Content-Range"));
        assertEquals("789", text(get("/static/a.txt", "Range", "bytes=-3")));
        assertEquals("89", text(get("/static/a.txt", "Range", "bytes=8-")));
        assertEquals("89", text(get("/static/a.txt", "Range", "bytes=8-100")));
    }

    @Test
    void unsatisfiableRangeYields416AndOthersTheWholeFile() throws Exception {
        HttpResponse<byte[]> none = get("/static/a.txt", "Range", "bytes=10-");
        assertEquals(416, none.statusCode());
        assertEquals("bytes */10", header(none, "Content-Range"));
        assertEquals(200, get("/static/a.txt", "Range", "bytes=0-1,3-4").statusCode(), "several ranges");
        assertEquals(200, get("/static/a.txt", "Range", "items=0-1").statusCode(), "another unit");
        assertEquals(200, get("/static/a.txt", "Range", "bytes=5-2").statusCode(), "malformed");
        assertEquals(200, get("/static/a.txt", "Range", "bytes=0-1", "If-Range", "\"stale\"").statusCode());
    }

    @Test
    void symbolicLinkInsideTheRootIsFollowed() throws Exception {
        assertEquals("0123456789", text(get("/static/inner.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../outside/secret.txt", "/static/%2e%2e/outside/secret.txt", "/static/%2E%2E%2Foutside%2Fsecret.txt",
        "/static/..%2foutside/secret.txt", "/static/sub/../../outside/secret.txt", "/static/./a.txt",
        "/static//etc/passwd", "/static/%2Fetc%2Fpasswd", "/static/link.txt", "/static/dirlink/secret.txt",
        "/static/..%5coutside%5csecret.txt", "/static/a.txt%00.html", "/static/missing.txt", "/static/%zz",
        "/static/C:%5cwindows"})
    void noPathLeavesTheRoot(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("SECRET"), raw);
            assertFalse(raw.contains("root:"), raw);
            String status = raw.substring(0, raw.indexOf("\r\n"));
            assertFalse(status.contains(" 200 "), path + " -> " + status);
        }
    }

    @Test
    void headGivesTheLengthWithoutTheBody() throws Exception {
        HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(server.uri("/static/large.bin"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build(), BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(large.length), header(head, "Content-Length"));
        assertEquals(0, head.body().length);
        assertEquals("0123456789", text(get("/static/a.txt")), "the connection is still in step");
    }
}
