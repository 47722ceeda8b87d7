package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Http2Config;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How requests reach handlers and responses leave them on HTTP/2: every body kind and failure. */
class Http2ExchangeTest {

    @TempDir
    Path dir;

    private final BlockingQueue<String> seen = new ArrayBlockingQueue<>(16);
    private H2TestServer server;

    @BeforeEach
    void start() throws IOException {
        Path file = dir.resolve("data.bin");
        Files.write(file, Arrays.copyOf(TestRoutes.MEBIBYTE, 100_000));
        Router router = Router.of(List.of(
                Route.get("/file", request -> Response.file(Status.OK_200, "application/octet-stream", file, 10, 50_000)),
                Route.get("/gone", request -> Response.file(Status.OK_200, "text/plain", dir.resolve("missing"), 0, 1)),
                Route.get("/fail", request -> {
                    throw new IllegalStateException("a handler bug");
                }),
                Route.get("/teapot", request -> {
                    throw new HttpException(new Status(418, "I'm a teapot"), "short and stout");
                }),
                Route.get("/cut", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                    out.write(new byte[20_000]);
                    throw new IllegalStateException("the writer failed half-way");
                })),
                Route.get("/echo-request", request -> {
                    seen.add(request.version() + " " + request.method() + " " + request.target() + " q="
                            + request.rawQuery() + " host=" + request.header("host").orElse("-") + " cookie="
                            + request.header("cookie").orElse("-"));
                    return Response.of(Status.NO_CONTENT_204);
                }),
                Route.post("/read", request -> Response.ok(request.bodyBytes().length + ""))));
        server = new H2TestServer(Http2Config.DEFAULTS, HttpLimits.DEFAULTS.withMaxBodyBytes(1000)
                .withBodyReadTimeout(Duration.ofMillis(300)), router);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aFileRegionIsSentAsDataFramesWithItsLength() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/file");
            RawH2Client.RawResponse response = client.response(1);
            assertEquals(200, response.status());
            assertArrayEquals(Arrays.copyOfRange(TestRoutes.MEBIBYTE, 10, 50_010), response.body());
            int at = response.fields().indexOf("content-length");
            assertEquals("50000", response.fields().get(at + 1));
            client.get(3, "/gone");
            assertEquals(404, client.response(3).status());
        }
    }

    @Test
    void headSendsTheHeadersOfGetWithoutTheBody() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, true, ":method", "HEAD", ":scheme", "http", ":path", "/file", ":authority", "x");
            RawH2Client.RawFrame headers = client.await(f -> f.streamId() == 1);
            assertEquals(Frame.HEADERS, headers.type());
            assertTrue(headers.has(Frame.FLAG_END_STREAM), "no DATA follows");
            assertEquals("50000", headers.fields().get(headers.fields().indexOf("content-length") + 1));
        }
    }

    @Test
    void handlerFailuresBecomeResponsesAndAWriterFailureResetsTheStream() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/fail");
            assertEquals(500, client.response(1).status());
            client.get(3, "/teapot");
            RawH2Client.RawResponse teapot = client.response(3);
            assertEquals(418, teapot.status());
            assertEquals("short and stout\n", teapot.text());
            client.get(5, "/cut");
            assertEquals(ErrorCode.INTERNAL_ERROR.code(), client.awaitReset(5));
            client.headers(7, true, ":method", "BREW", ":scheme", "http", ":path", "/", ":authority", "x");
            assertEquals(501, client.response(7).status());
        }
    }

    @Test
    void handlersSeeAnHttp11ShapedRequest() throws Exception {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/echo-request?a=1",
                    ":authority", "example.com", "cookie", "a=1", "cookie", "b=2");
            assertEquals(204, client.response(1).status());
            assertEquals("HTTP/2 GET /echo-request?a=1 q=a=1 host=example.com cookie=a=1; b=2",
                    seen.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBodyOverTheLimitIsAnswered413() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.post(1, "/read", 5000);
            assertEquals(413, client.response(1).status(), "declared too large: refused before the handler");
            client.headers(3, false, ":method", "POST", ":scheme", "http", ":path", "/read", ":authority", "x");
            client.data(3, new byte[1500], true);
            assertEquals(413, client.response(3).status(), "undeclared, found too large while read");
        }
    }

    @Test
    void aBodyThatStopsArrivingTimesOutAndResetsTheStream() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.post(1, "/read", 100);
            client.data(1, new byte[10], false);
            assertEquals(ErrorCode.CANCEL.code(), client.awaitReset(1));
            client.get(3, "/file");
            assertEquals(200, client.response(3).status(), "the connection goes on");
        }
    }
}
