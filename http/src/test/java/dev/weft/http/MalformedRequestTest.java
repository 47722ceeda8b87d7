package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.ServerExtension;
import dev.weft.testing.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, over-limit and smuggling-shaped requests over a raw socket: each gets its exact
 * status, the connection is closed (its framing can no longer be trusted), nothing after the
 * bad request is answered, and the server goes on serving others.
 */
@ExtendWith(ServerExtension.class)
class MalformedRequestTest {

    private static final String SMUGGLED = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxRequestLineBytes(100).withMaxHeaderBytes(200)
            .withMaxHeaderCount(5).withMaxBodyBytes(1000);

    @TestServer
    static final HttpServer server = new HttpServer(HttpServerConfig.loopback(0).withLimits(LIMITS),
            Router.of(List.of(
                    Route.get("/hello", request -> Response.ok("Hello")),
                    Route.post("/echo", request -> Response.ok(request.bodyText())))));

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad(400, "missing Host in HTTP/1.1", "GET /hello HTTP/1.1\r\n\r\n"),
                bad(400, "two Host fields", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                bad(400, "invalid Host", "GET /hello HTTP/1.1\r\nHost: a b@c\r\n\r\n"),
                bad(400, "whitespace before colon", "GET /hello HTTP/1.1\r\nHost : x\r\n\r\n"),
                bad(400, "tab before colon", "GET /hello HTTP/1.1\r\nHost\t: x\r\n\r\n"),
                bad(400, "obsolete line folding", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n"),
                bad(400, "field without colon", "GET /hello HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"),
                bad(400, "empty field name", "GET /hello HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n"),
                bad(400, "invalid name char", "GET /hello HTTP/1.1\r\nHost: x\r\nX(A): v\r\n\r\n"),
                bad(400, "bare CR in value", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"),
                bad(400, "NUL in value", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n"),
                bad(400, "bare CR in request line", "GET /hello\r HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "two spaces in request line", "GET  /hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "extra token in request line", "GET /hello HTTP/1.1 x\r\nHost: x\r\n\r\n"),
                bad(400, "lower-case version", "GET /hello http/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "version with two digits", "GET /hello HTTP/1.10\r\nHost: x\r\n\r\n"),
                bad(400, "invalid method char", "G(T /hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "fragment in target", "GET /hello#x HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "non-ASCII in target", "GET /h\u00e9llo HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "authority-form target", "GET example.com:80 HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "asterisk target with GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(400, "Content-Length and Transfer-Encoding",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "Content-Length with plus sign", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello"),
                bad(400, "Content-Length negative", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
                bad(400, "Content-Length list of different values",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\nhello!"),
                bad(400, "two different Content-Length fields",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
                bad(400, "Content-Length in hex", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0x5\r\n\r\nhello"),
                bad(400, "Content-Length overflowing a long",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
                bad(400, "chunked not final", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"),
                bad(400, "chunked twice", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "Transfer-Encoding in HTTP/1.0", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                bad(400, "empty Transfer-Encoding", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \r\n\r\n"),
                bad(400, "chunk size not hex", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
                bad(400, "chunk line ending in bare LF", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n"),
                bad(400, "chunk data not followed by CRLF",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n"),
                bad(400, "chunk size with space inside",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1 0\r\n0123456789abcdef\r\n0\r\n\r\n"),
                bad(400, "chunk size followed by whitespace only",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2 \r\nok\r\n0\r\n\r\n"),
                bad(400, "bare CR in chunk extension",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;a\rb\r\nok\r\n0\r\n\r\n"),
                bad(413, "chunk size overflowing a long",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffffff\r\n"),
                bad(413, "chunked body over the limit",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3e9\r\n" + "a".repeat(1001) + "\r\n0\r\n\r\n"),
                bad(413, "declared body over the limit", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n"),
                bad(414, "request line over the limit", "GET /" + "a".repeat(200) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(431, "header section over the limit", "GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(300) + "\r\n\r\n"),
                bad(431, "too many header fields",
                        "GET /hello HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n"),
                bad(417, "unknown expectation", "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: coffee\r\nContent-Length: 1\r\n\r\na"),
                bad(501, "unknown transfer coding", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"),
                bad(501, "unknown method", "BREW /hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(501, "CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
                bad(505, "HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: x\r\n\r\n"),
                bad(505, "HTTP/0.9 style version", "GET /hello HTTP/0.9\r\nHost: x\r\n\r\n"));
    }

    private static Arguments bad(int status, String name, String request) {
        return Arguments.of(status, name, request);
    }

    @ParameterizedTest(name = "{1} is answered {0} and closes the connection")
    @MethodSource("badRequests")
    void badRequestIsAnsweredWithItsStatusAndClosesTheConnection(int status, String name, String request)
            throws IOException {
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            String raw = client.send(request + SMUGGLED).readToEnd();
            assertTrue(raw.startsWith("HTTP/1.1 " + status + " "), name + ": " + raw);
            assertTrue(raw.contains("\r\nConnection: close\r\n"), name + ": " + raw);
            assertFalse(raw.contains("Hello"), name + ": the request after it must not be served: " + raw);
        }
        try (RawHttpClient other = new RawHttpClient(server.port())) {
            assertEquals("Hello", other.send(SMUGGLED).read().body(), "the server still serves others");
        }
    }

    @Test
    void identicalContentLengthValuesAreAccepted() throws IOException {
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send(
                    "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\nContent-Length: 5\r\n\r\nhello").read();
            assertEquals("hello", response.body());
        }
    }

    @Test
    void bareLfLineEndsAndLeadingEmptyLineAreAccepted() throws IOException {
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send("\r\nGET /hello HTTP/1.1\nHost: x\n\n").read();
            assertEquals("Hello", response.body());
        }
    }

    @Test
    void transferCodingNamesAreCaseInsensitive() throws IOException {
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawHttpClient.RawResponse response = client.send(
                    "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n2 ; a=\"b c\"\r\nok\r\n0\r\n\r\n").read();
            assertEquals("ok", response.body());
        }
    }
}
