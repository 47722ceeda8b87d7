package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Typed parameters, cookies and forms over real sockets: values in, 400/413/415 naming what was wrong. */
class RequestAccessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A small enum for typed parameters. */
    enum Priority { LOW, HIGH }

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @TempDir
    Path uploads;

    private final BlockingQueue<Path> spooled = new LinkedBlockingQueue<>();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        Router router = Router.of(List.of(
                Route.get("/todos/{id}", request -> Response.ok("todo " + (request.pathParameter("id", Long.class) + 1))),
                Route.get("/todos", request -> Response.ok("done=" + request.queryParameter("done", Boolean.class)
                        .map(String::valueOf).orElse("any") + " priority=" + request.queryParameter("priority",
                        Priority.class).map(Enum::name).orElse("-") + " owner=" + request.queryParameter("owner",
                        UUID.class).map(UUID::toString).orElse("-"))),
                Route.get("/cookies", request -> Response.ok(request.cookies().toString())
                        .withCookie(Cookie.of("session", "abc123").withPath("/").withMaxAge(Duration.ofHours(1))
                                .withExpires(Instant.parse("2030-01-01T00:00:00Z")).withDomain("example.com")
                                .withSecure().withHttpOnly().withSameSite(Cookie.SameSite.STRICT))
                        .withCookie(Cookie.expired("old"))),
                Route.post("/forms", request -> {
                    Form form = request.form();
                    for (FormFile file : form.files()) {
                        file.temporaryPath().ifPresent(spooled::add);
                    }
                    return Response.ok(form.fields() + " " + form.files().stream()
                            .map(f -> f.field() + ":" + f.fileName() + ":" + f.size() + ":" + f.temporaryPath().isPresent())
                            .collect(Collectors.joining(",")));
                })));
        HttpPipeline pipeline = HttpPipeline.builder(router).forms(FormLimits.DEFAULTS.withTemporaryDirectory(uploads)
                .withMemoryThresholdBytes(1024).withMaxFileBytes(100_000)).build();
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0), pipeline));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return client.send(ClientRequests.to(server.uri(path), headers).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
    }

    @Test
    void typedParametersAreConvertedAndBadInputIsA400NamingTheParameter() throws Exception {
        assertEquals("todo 43", get("/todos/42").body());
        HttpResponse<String> bad = get("/todos/forty-two");
        assertEquals(400, bad.statusCode());
        assertEquals("path parameter 'id' must be a whole number (long), not 'forty-two'\n", bad.body());
        assertEquals("done=true priority=HIGH owner=-", get("/todos?done=TRUE&priority=high").body());
        assertEquals("done=any priority=- owner=-", get("/todos").body(), "absent parameters are empty");
        HttpResponse<String> maybe = get("/todos?done=maybe", "Accept", "application/json");
        assertEquals(400, maybe.statusCode());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"query parameter 'done' must be true or false, not 'maybe'\"}", maybe.body());
        assertEquals("query parameter 'priority' must be one of low, high, not 'urgent'\n",
                get("/todos?priority=urgent").body());
        assertEquals("query parameter 'owner' must be a UUID, not '1-2-3-4-5'\n", get("/todos?owner=1-2-3-4-5").body());
    }

    @Test
    void cookiesAreReadAndSetWithTheirAttributes() throws Exception {
        HttpResponse<String> response = get("/cookies", "Cookie", "a=1; b=\"two\"; a=shadowed");
        assertEquals("{a=1, b=two}", response.body());
        assertEquals(List.of("session=abc123; Path=/; Domain=example.com; Max-Age=3600; "
                        + "Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Strict", "old=; Max-Age=0"),
                response.headers().allValues("Set-Cookie"));
    }

    @Test
    void aUrlEncodedFormIsRead() throws Exception {
        HttpResponse<String> response = post("/forms", "application/x-www-form-urlencoded",
                "title=Buy+milk&tag=a&tag=b".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("{title=[Buy milk], tag=[a, b]} ", response.body());
    }

    @Test
    void aMultipartUploadAboveTheThresholdIsStreamedToDiskAndDeletedAfterTheResponse() throws Exception {
        byte[] big = new byte[50_000];
        HttpResponse<String> response = post("/forms", Multipart.CONTENT_TYPE, new Multipart().field("title", "photo")
                .file("small", "s.txt", "text/plain", new byte[10])
                .file("big", "big.bin", "application/octet-stream", big).bytes());
        assertEquals(200, response.statusCode());
        assertEquals("{title=[photo]} small:s.txt:10:false,big:big.bin:50000:true", response.body());
        Path spool = spooled.poll(5, TimeUnit.SECONDS);
        assertTrue(spool != null && spool.startsWith(uploads), "the big file went to the configured directory");
        Poll.until("the upload's temporary file is deleted once the response is sent", () -> !Files.exists(spool));
    }

    @Test
    void formLimitsAndMalformedFormsHaveTheirStatus() throws Exception {
        HttpResponse<String> tooBig = post("/forms", Multipart.CONTENT_TYPE,
                new Multipart().file("big", "big.bin", "application/octet-stream", new byte[100_001]).bytes());
        assertEquals(413, tooBig.statusCode());
        assertEquals("file 'big' is larger than 100000 bytes\n", tooBig.body());
        assertEquals(415, post("/forms", "text/plain", new byte[1]).statusCode());
        assertEquals(400, post("/forms", Multipart.CONTENT_TYPE, "garbage".getBytes()).statusCode());
        try (var files = Files.list(uploads)) {
            assertEquals(0, files.count(), "nothing left on disk by refused uploads");
        }
    }
}
