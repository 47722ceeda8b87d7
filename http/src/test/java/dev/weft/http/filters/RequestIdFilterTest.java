package dev.weft.http.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TcpServer;
import dev.weft.http.ClientRequests;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.filters.probe.MdcProbe;
import dev.weft.http.filters.probe.MdcProvider;
import dev.weft.testing.ServerExtension;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/** Request ids over real sockets: taken from the client when plausible, else made; echoed; seen by handlers. */
class RequestIdFilterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @TempDir
    Path temp;

    private HttpClient client;
    private HttpServer server;

    @BeforeEach
    void start() {
        Router router = Router.of(List.of(Route.get("/id",
                request -> Response.ok(RequestIdFilter.of(request).orElse("none")))));
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0),
                HttpPipeline.builder(router).filter(new RequestIdFilter()).build()));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return client.send(ClientRequests.to(server.uri(path), headers).build(), BodyHandlers.ofString());
    }

    @Test
    void anIdIsMadeForEachRequestEchoedAndSeenByTheHandler() throws Exception {
        HttpResponse<String> first = get("/id");
        String id = first.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(UUID_V4.matcher(id).matches(), id);
        assertEquals(id, first.body());
        assertNotEquals(id, get("/id").headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aPlausibleIdFromTheClientIsKept() throws Exception {
        HttpResponse<String> response = get("/id", "X-Request-Id", "edge-7f3a:42");
        assertEquals("edge-7f3a:42", response.body());
        assertEquals("edge-7f3a:42", response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void anImplausibleIdIsReplaced() throws Exception {
        for (String forged : new String[] {"has space", "quote\"d", "x".repeat(129)}) {
            HttpResponse<String> response = get("/id", "X-Request-Id", forged);
            assertTrue(UUID_V4.matcher(response.body()).matches(), forged + " -> " + response.body());
        }
    }

    @Test
    void notFoundResponsesCarryAnIdToo() throws Exception {
        HttpResponse<String> response = get("/missing");
        assertEquals(404, response.statusCode());
        assertTrue(UUID_V4.matcher(response.headers().firstValue("X-Request-Id").orElseThrow()).matches());
    }

    @Test
    void theIdIsInTheMdcWhileTheHandlerRuns() throws Exception {
        Path services = Files.createDirectories(temp.resolve("META-INF/services"));
        Files.writeString(services.resolve(SLF4JServiceProvider.class.getName()), MdcProvider.class.getName());
        List<String> classPath = List.of(codeSource(RequestIdFilter.class), codeSource(TcpServer.class),
                codeSource(LoggerFactory.class), codeSource(Inject.class), codeSource(MdcProbe.class), temp.toString());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), MdcProbe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM ended");
        assertEquals(0, process.exitValue(), output);
        Matcher matched = Pattern.compile("mdc=(\\S+) header=(\\S+)").matcher(output);
        assertTrue(matched.find(), output);
        assertTrue(UUID_V4.matcher(matched.group(1)).matches(), output);
        assertEquals(matched.group(1), matched.group(2), "the handler's MDC holds the id the client gets");
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
