package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.http.Http2Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real HTTP/2 clients built on nghttp2 — {@code curl} (prior knowledge and {@code --http2}
 * upgrade) and {@code h2load} — and the h2spec conformance suite against the engine; each test
 * is skipped where its tool is not installed ({@code h2load} comes with Debian's
 * {@code nghttp2-client}; h2spec is built from source, see the HTTP/2 handover note).
 */
class Http2ToolInteropTest {

    private H2TestServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new H2TestServer(Http2Config.builder().h2cUpgrade(true).build(), new TestRoutes(1).router());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static boolean installed(String tool) {
        return Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/local/bin", tool));
    }

    private String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the tool finished: " + command);
        String output = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void curlWithPriorKnowledgeGetsHelloAndEchoesAMebibyte() throws Exception {
        assumeTrue(installed("curl"), "curl is not installed");
        String hello = run(List.of("curl", "-sS", "--http2-prior-knowledge", "-w", "\n%{http_version}",
                server.uri("/hello").toString()));
        assertEquals("Hello, World!\n2", hello);
        Path body = dir.resolve("body.bin");
        Files.write(body, TestRoutes.MEBIBYTE);
        Path echoed = dir.resolve("echoed.bin");
        run(List.of("curl", "-sS", "--http2-prior-knowledge", "--data-binary", "@" + body, "-o", echoed.toString(),
                server.uri("/echo").toString()));
        assertArrayEquals(TestRoutes.MEBIBYTE, Files.readAllBytes(echoed));
    }

    @Test
    void curlUpgradesWithH2c() throws Exception {
        assumeTrue(installed("curl"), "curl is not installed");
        String hello = run(List.of("curl", "-sS", "--http2", "-w", "\n%{http_version}", server.uri("/hello").toString()));
        assertEquals("Hello, World!\n2", hello);
    }

    @Test
    void h2loadCompletesEveryRequestOverMultiplexedStreams() throws Exception {
        assumeTrue(installed("h2load"), "h2load is not installed (Debian package nghttp2-client)");
        List<String> command = new ArrayList<>(List.of("h2load", "-n", "20000", "-c", "4", "-m", "100",
                server.uri("/hello").toString()));
        String output = run(command);
        assertTrue(output.contains("20000 succeeded, 0 failed, 0 errored"), output);
        String post = run(List.of("h2load", "-n", "200", "-c", "2", "-m", "10", "-d",
                writeBody().toString(), server.uri("/echo").toString()));
        assertTrue(post.contains("200 succeeded, 0 failed, 0 errored"), post);
    }

    @Test
    void h2specStrictPassesEveryCase() throws Exception {
        assumeTrue(installed("h2spec"), "h2spec is not installed");
        String report = run(List.of("h2spec", "-h", "127.0.0.1", "-p", Integer.toString(server.port()), "-o", "5",
                "--strict", "-P", "/hello"));
        assertTrue(report.matches("(?s).*\\d+ tests, \\d+ passed, 0 skipped, 0 failed.*"), report);
    }

    private Path writeBody() throws IOException {
        Path body = dir.resolve("post.bin");
        Files.write(body, new String(TestRoutes.MEBIBYTE, 0, 65_536, StandardCharsets.ISO_8859_1)
                .getBytes(StandardCharsets.ISO_8859_1));
        return body;
    }
}
