package dev.weft.http.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.http.ClientRequests;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.RawHttpClient;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Class-path resources over real sockets, from a jar and from a directory: caching, ranges, no escape. */
class ClassPathFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant PACKED = Instant.parse("2024-05-01T10:00:00Z");
    private static final byte[] SCRIPT = "console.log('weft');\n".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @TempDir
    Path temp;

    private byte[] big;
    private URLClassLoader jarLoader;
    private HttpClient client;

    @BeforeEach
    void packJar() throws IOException {
        big = new byte[(ClassPathFiles.IN_MEMORY_BYTES * 2) + 5];
        new Random(11).nextBytes(big);
        Path jar = temp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "public/", null);
            put(out, "public/index.html", "<h1>home</h1>".getBytes(StandardCharsets.UTF_8));
            put(out, "public/app.js", SCRIPT);
            put(out, "public/big.bin", big);
            put(out, "public/Secret.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
            put(out, "public/docs/", null);
            put(out, "public/docs/index.html", "<h1>docs</h1>".getBytes(StandardCharsets.UTF_8));
            put(out, "secret.txt", "SECRET".getBytes(StandardCharsets.UTF_8));
        }
        jarLoader = servers.closeAfterwards(new URLClassLoader(new URL[] {jar.toUri().toURL()}, null));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTime(PACKED.toEpochMilli());
        out.putNextEntry(entry);
        if (content != null) {
            out.write(content);
        }
        out.closeEntry();
    }

    private HttpServer serve(ClassPathFiles files) {
        return servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(List.of(Route.get("/*", files)))));
    }

    private HttpResponse<byte[]> get(HttpServer server, String path, String... headers) throws Exception {
        return client.send(ClientRequests.to(server.uri(path), headers).build(), BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aJarsFilesAreServedWithTypesValidatorsAndRanges() throws Exception {
        HttpServer server = serve(ClassPathFiles.of(jarLoader, "public"));
        HttpResponse<byte[]> script = get(server, "/app.js");
        assertEquals(200, script.statusCode());
        assertArrayEquals(SCRIPT, script.body());
        assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
        assertEquals(Integer.toString(SCRIPT.length), header(script, "Content-Length"));
        assertEquals("Wed, 01 May 2024 10:00:00 GMT", header(script, "Last-Modified"));
        String etag = header(script, "ETag");
        assertEquals(304, get(server, "/app.js", "If-None-Match", etag).statusCode());
        assertEquals(304, get(server, "/app.js", "If-Modified-Since", "Wed, 01 May 2024 10:00:00 GMT").statusCode());
        HttpResponse<byte[]> part = get(server, "/app.js", "Range", "bytes=8-10");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 8-10/" + SCRIPT.length, header(part, "Content-Range"));
        assertEquals("log", new String(part.body(), StandardCharsets.UTF_8));
        assertEquals(416, get(server, "/app.js", "Range", "bytes=999-").statusCode());
        assertEquals("<h1>home</h1>", new String(get(server, "/").body(), StandardCharsets.UTF_8));
    }

    @Test
    void aLargeResourceIsStreamedWholeAndByRange() throws Exception {
        HttpServer server = serve(ClassPathFiles.of(jarLoader, "/public/"));
        HttpResponse<byte[]> whole = get(server, "/big.bin");
        assertEquals("chunked", header(whole, "Transfer-Encoding"));
        assertArrayEquals(big, whole.body());
        int from = ClassPathFiles.IN_MEMORY_BYTES - 3;
        HttpResponse<byte[]> tail = get(server, "/big.bin", "Range", "bytes=" + from + "-");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(big, from, big.length), tail.body());
    }

    @Test
    void aDirectoryIsServedByItsIndex() throws Exception {
        HttpServer server = serve(ClassPathFiles.of(jarLoader, "public"));
        assertEquals("<h1>docs</h1>", new String(get(server, "/docs/").body(), StandardCharsets.UTF_8));
        assertEquals("<h1>docs</h1>", new String(get(server, "/docs").body(), StandardCharsets.UTF_8));
    }

    @Test
    void nothingOutsideTheRootAndNoClassFilesUnlessAsked() throws Exception {
        HttpServer server = serve(ClassPathFiles.of(jarLoader, "public"));
        for (String target : new String[] {"/..%2Fsecret.txt", "/%2e%2e/secret.txt", "/docs/../../secret.txt",
                "/docs/%2E%2E/%2E%2E/secret.txt", "/..\\secret.txt", "/Secret.class", "/Secret.CLASS", "/c:secret.txt",
                "/missing.txt", "/docs/missing/"}) {
            try (RawHttpClient raw = new RawHttpClient(server.port())) {
                RawHttpClient.RawResponse response = raw.send("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n").read();
                assertEquals(404, response.status(), target);
                assertEquals("Not Found\n", response.body(), target);
            }
        }
        HttpServer withClasses = serve(ClassPathFiles.of(jarLoader, "public").withClassFiles());
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, get(withClasses, "/Secret.class").body());
    }

    @Test
    void aDirectoryOfTheClassPathIsServedAlike() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes/public"));
        Files.write(classes.resolve("app.js"), SCRIPT);
        try (URLClassLoader directory = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, null)) {
            HttpServer server = serve(ClassPathFiles.of(directory, "public"));
            HttpResponse<byte[]> script = get(server, "/app.js");
            assertArrayEquals(SCRIPT, script.body());
            assertEquals(Integer.toString(SCRIPT.length), header(script, "Content-Length"));
            assertEquals("console", new String(get(server, "/app.js", "Range", "bytes=0-6").body(), StandardCharsets.UTF_8));
            assertEquals(304, get(server, "/app.js", "If-None-Match", header(script, "ETag")).statusCode());
        }
    }

    @Test
    void aRootThatIsTheWholeClassPathOrLeavesItIsRefused() {
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class, () -> ClassPathFiles.of(jarLoader, "/"));
        assertEquals("serving the whole class path would publish the application's configuration; name a directory, "
                + "such as \"public\"", whole.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassPathFiles.of(jarLoader, "public/../.."));
    }

    @Test
    void onlyGetAndHeadAreServed() throws Exception {
        HttpServer server = serve(ClassPathFiles.of(jarLoader, "public"));
        try (RawHttpClient raw = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = raw.send("HEAD /app.js HTTP/1.1\r\nHost: a\r\n\r\n").readHead();
            assertEquals(200, response.status());
            assertEquals(Integer.toString(SCRIPT.length), response.header("Content-Length"));
        }
    }
}
