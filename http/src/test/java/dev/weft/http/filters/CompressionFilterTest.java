package dev.weft.http.filters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.ClientRequests;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import dev.weft.http.files.StaticFiles;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Response compression over real sockets: negotiation, what is skipped, every kind of body. */
class CompressionFilterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] TEXT = "All work and no play makes Jack a dull boy.\n".repeat(200)
            .getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @TempDir
    Path root;

    private HttpClient client;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        Files.write(root.resolve("big.txt"), TEXT);
        Router router = Router.of(List.of(
                Route.get("/big", request -> Response.bytes(Status.OK_200, "text/plain; charset=utf-8", TEXT)),
                Route.get("/json", request -> Response.bytes(Status.OK_200, "application/vnd.api+json", TEXT)),
                Route.get("/small", request -> Response.ok("tiny")),
                Route.get("/image", request -> Response.bytes(Status.OK_200, "image/png", TEXT)),
                Route.get("/stream", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                    out.write(TEXT, 0, 100);
                    out.flush();
                    out.write(TEXT, 100, TEXT.length - 100);
                    out.close();
                })),
                Route.get("/static/*", new StaticFiles(root))));
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0),
                HttpPipeline.builder(router).filter(new CompressionFilter()).build()));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private HttpResponse<byte[]> get(String method, String path, String... headers) throws Exception {
        return client.send(ClientRequests.to(server.uri(path), headers).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), BodyHandlers.ofByteArray());
    }

    private static String encoding(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").orElse("identity");
    }

    private static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        InputStream in = new ByteArrayInputStream(response.body());
        InputStream decoded = switch (encoding(response)) {
            case "gzip" -> new GZIPInputStream(in);
            case "deflate" -> new InflaterInputStream(in);
            default -> in;
        };
        return decoded.readAllBytes();
    }

    @Test
    void gzipIsChosenWhenAcceptedAndTheBodyDecodesToTheOriginal() throws Exception {
        HttpResponse<byte[]> response = get("GET", "/big", "Accept-Encoding", "gzip, deflate");
        assertEquals("gzip", encoding(response));
        assertEquals("Accept-Encoding", response.headers().firstValue("Vary").orElseThrow());
        assertTrue(response.body().length < TEXT.length / 10, "compressed to " + response.body().length);
        assertEquals(Long.toString(response.body().length), response.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(TEXT, decoded(response));
        assertArrayEquals(TEXT, decoded(get("GET", "/json", "Accept-Encoding", "gzip")), "+json types compress");
    }

    @Test
    void qualityValuesDecideAndIdentityQZeroStillGetsAnAnswer() throws Exception {
        assertEquals("deflate", encoding(get("GET", "/big", "Accept-Encoding", "gzip;q=0.5, deflate;q=0.8")));
        assertEquals("deflate", encoding(get("GET", "/big", "Accept-Encoding", "deflate, identity;q=0")));
        assertEquals("gzip", encoding(get("GET", "/big", "Accept-Encoding", "*;q=0.3")));
        assertEquals("deflate", encoding(get("GET", "/big", "Accept-Encoding", "gzip;q=0, *")));
        HttpResponse<byte[]> none = get("GET", "/big", "Accept-Encoding", "gzip;q=0, deflate;q=0, identity;q=0");
        assertEquals(200, none.statusCode());
        assertEquals("identity", encoding(none), "no coding acceptable: sent as it is (RFC 9110 12.5.3)");
        assertEquals("Accept-Encoding", none.headers().firstValue("Vary").orElseThrow());
        assertArrayEquals(TEXT, decoded(get("GET", "/big", "Accept-Encoding", "deflate;q=0.9")));
        assertEquals("identity", encoding(get("GET", "/big", "Accept-Encoding", "br")));
        assertEquals("identity", encoding(get("GET", "/big")), "no Accept-Encoding, no compression");
    }

    @Test
    void smallBodiesAndCompressedTypesAreSentAsTheyAre() throws Exception {
        HttpResponse<byte[]> small = get("GET", "/small", "Accept-Encoding", "gzip");
        assertEquals("identity", encoding(small));
        assertFalse(small.headers().firstValue("Vary").isPresent());
        assertEquals("identity", encoding(get("GET", "/image", "Accept-Encoding", "gzip")));
    }

    @Test
    void headAndRangeRequestsAreNotCompressed() throws Exception {
        HttpResponse<byte[]> head = get("HEAD", "/static/big.txt", "Accept-Encoding", "gzip");
        assertEquals("identity", encoding(head));
        assertEquals(Integer.toString(TEXT.length), head.headers().firstValue("Content-Length").orElseThrow());
        HttpResponse<byte[]> range = get("GET", "/static/big.txt", "Accept-Encoding", "gzip", "Range", "bytes=0-99");
        assertEquals(206, range.statusCode());
        assertEquals("identity", encoding(range));
        assertArrayEquals(java.util.Arrays.copyOf(TEXT, 100), range.body());
    }

    @Test
    void aStreamedBodyIsCompressedAsItIsWritten() throws Exception {
        HttpResponse<byte[]> response = get("GET", "/stream", "Accept-Encoding", "gzip");
        assertEquals("gzip", encoding(response));
        assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElseThrow());
        assertArrayEquals(TEXT, decoded(response));
    }

    @Test
    void aFileIsCompressedWithAWeakEtagThatStillRevalidates() throws Exception {
        HttpResponse<byte[]> response = get("GET", "/static/big.txt", "Accept-Encoding", "gzip");
        assertEquals("gzip", encoding(response));
        assertArrayEquals(TEXT, decoded(response));
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        assertFalse(response.headers().firstValue("Accept-Ranges").isPresent());
        assertEquals(304, get("GET", "/static/big.txt", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode());
    }
}
