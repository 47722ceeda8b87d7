package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.ScriptedConnection;
import dev.weft.core.internal.ClientTable;
import dev.weft.http.Filter;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import dev.weft.http.internal.websocket.WebSocketSessions;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 connection loop in memory, over a scripted connection: what it writes, which read
 * timeouts and idle marks it sets, when it closes — every byte deterministic, no socket.
 */
class Http1ConnectionTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

    private final Router router = Router.of(List.of(
            Route.get("/hello", request -> Response.ok("Hello")),
            Route.post("/echo", request -> Response.bytes(Status.OK_200, "application/octet-stream",
                    request.bodyBytes())),
            Route.get("/teapot", request -> {
                throw new HttpException(Status.CONFLICT_409, "short and stout");
            }),
            Route.get("/bug", request -> {
                throw new IllegalStateException("a handler bug");
            }),
            Route.get("/stream", request -> Response.stream(Status.OK_200, "text/plain", out -> {
                out.write("abc".getBytes(StandardCharsets.US_ASCII));
                out.write("def".getBytes(StandardCharsets.US_ASCII));
            }))));

    private ScriptedConnection serve(ScriptedConnection connection, HttpLimits limits) throws IOException {
        handler(HttpPipeline.of(router), limits).handle(connection);
        return connection;
    }

    private ScriptedConnection serve(String input, int bytesPerRead) throws IOException {
        return serve(ScriptedConnection.of(input, bytesPerRead), HttpLimits.DEFAULTS);
    }

    private static List<Integer> statuses(String written) {
        Matcher m = STATUS_LINE.matcher(written);
        List<Integer> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhateverHowTheBytesArrive() throws IOException {
        String three = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabcde"
                + "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n";
        for (int step : new int[] {1, 3, 17, 4_096}) {
            String written = serve(three, step).writtenText();
            assertEquals(List.of(200, 200, 404), statuses(written), "in steps of " + step);
            assertTrue(written.contains("\r\n\r\nHello"));
            assertTrue(written.contains("\r\n\r\nabcde"));
        }
    }

    @Test
    void waitingForTheNextRequestMarksTheConnectionIdleWithTheIdleTimeout() throws IOException {
        ScriptedConnection connection = serve("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n", 4_096);
        assertEquals(List.of(true, false, true, false), connection.idleMarks(),
                "idle before each wait for a first byte, busy once it came (or the peer closed)");
        assertEquals(HttpLimits.DEFAULTS.idleTimeout(), connection.readTimeouts().get(0));
    }

    @Test
    void aMalformedHeadIsAnswered400WithCloseAndTheInputIsDrainedBeforeClosing() throws IOException {
        ScriptedConnection connection = serve("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\nmore bytes", 5);
        String written = connection.writtenText();
        assertEquals(List.of(400), statuses(written));
        assertTrue(written.contains("Connection: close\r\n"));
        assertTrue(connection.outputShut(), "half-closed, then the rest of the input read and dropped");
        assertEquals(0, connection.unread());
    }

    @Test
    void anHttpExceptionBecomesItsStatusAndABugA500WithoutDetails() throws IOException {
        String written = serve("GET /teapot HTTP/1.1\r\nHost: a\r\n\r\nGET /bug HTTP/1.1\r\nHost: a\r\n\r\n", 64)
                .writtenText();
        assertEquals(List.of(409, 500), statuses(written));
        assertTrue(written.contains("short and stout"));
        assertFalse(written.contains("a handler bug"), "no internals reach the client");
    }

    @Test
    void aHeadRequestGetsTheHeadersOfGetWithoutTheBody() throws IOException {
        String written = serve("HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n", 4_096).writtenText();
        assertTrue(written.contains("Content-Length: 5\r\n"));
        assertFalse(written.contains("Hello"));
    }

    @Test
    void aConnectionWaitingForARequestWhileTheServerStopsEndsWithoutReading() throws IOException {
        String request = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n";
        ScriptedConnection connection = serve(ScriptedConnection.of(request, 4_096).stopping(), HttpLimits.DEFAULTS);
        assertEquals("", connection.writtenText());
        assertEquals(request.length(), connection.unread());
    }

    @Test
    void aHeadThatStopsArrivingIsGivenTheRemainderOfTheHeaderDeadlineAsReadTimeout() {
        ScriptedConnection connection = ScriptedConnection.thenSilent("GET /hello HTTP/1.1\r\nHo", 4_096);
        assertThrows(SocketTimeoutException.class, () -> serve(connection, HttpLimits.DEFAULTS));
        List<java.time.Duration> timeouts = connection.readTimeouts();
        java.time.Duration last = timeouts.get(timeouts.size() - 1);
        assertTrue(last.compareTo(HttpLimits.DEFAULTS.headerTimeout()) <= 0 && !last.isZero(),
                "the wait for the rest of the head is bounded by the header deadline: " + last);
    }

    @Test
    void theResponseBytesOfAnExchangeAreWrittenInOneWrite() throws IOException {
        String written = serve("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n", 4_096).writtenText();
        assertTrue(written.startsWith("HTTP/1.1 200 OK\r\nServer: Weft\r\nDate: "));
        assertTrue(written.endsWith("\r\n\r\nHello"));
        assertEquals(written.getBytes(StandardCharsets.ISO_8859_1).length, written.length());
    }

    @Test
    void aRefusedHeadPassesThePipelinesFiltersWithWhatCouldBeReadOfIt() throws IOException {
        List<String> seen = new ArrayList<>();
        Filter observer = (request, next) -> {
            Response response = next.handle(request);
            seen.add(request.method() + " " + request.target() + " " + request.header("Origin").orElse("-") + " "
                    + request.context().refusal().map(e -> e.status().code()).orElse(0));
            return response.withHeader("X-Seen", "yes");
        };
        HttpPipeline pipeline = HttpPipeline.builder(router).filter(observer).build();
        ScriptedConnection connection = ScriptedConnection.of(
                "GET /x HTTP/1.1\r\nHost: a\r\nOrigin: https://app.example\r\nBad Header: x\r\n\r\n", 7);
        handler(pipeline, HttpLimits.DEFAULTS).handle(connection);
        String written = connection.writtenText();
        assertEquals(List.of(400), statuses(written));
        assertTrue(written.contains("X-Seen: yes\r\n"), written);
        assertTrue(written.contains("Connection: close\r\n"));
        assertEquals(List.of("GET /x https://app.example 400"), seen);
    }

    @Test
    void aRequestLineThatCannotBeReadReachesTheFiltersWithTheUnknownMethod() throws IOException {
        List<String> seen = new ArrayList<>();
        HttpPipeline pipeline = HttpPipeline.builder(router).filter((request, next) -> {
            seen.add(request.method() + " [" + request.target() + "]");
            return next.handle(request);
        }).build();
        ScriptedConnection connection = ScriptedConnection.of("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 4_096);
        handler(pipeline, HttpLimits.DEFAULTS).handle(connection);
        assertEquals(List.of(501), statuses(connection.writtenText()));
        assertEquals(List.of("UNKNOWN [/pot]"), seen);
    }

    @Test
    void everyResponseIsReportedSentOnceWithItsBodyBytes() throws IOException {
        List<String> sent = new ArrayList<>();
        HttpPipeline pipeline = HttpPipeline.builder(router).filter((request, next) -> {
            request.context().whenSent((response, bytes, complete) -> sent.add(response.status().code() + " " + bytes
                    + " " + complete + " " + request.context().route().orElse("-")));
            return next.handle(request);
        }).build();
        String three = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n"
                + "HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /stream HTTP/1.1\r\nHost: a\r\n\r\n";
        handler(pipeline, HttpLimits.DEFAULTS).handle(ScriptedConnection.of(three, 13));
        assertEquals(List.of("200 5 true /hello", "404 10 true -", "200 0 true /hello", "200 6 true /stream"), sent);
    }

    private static Http1ConnectionHandler handler(HttpPipeline pipeline, HttpLimits limits) {
        return new Http1ConnectionHandler(pipeline, limits, "Weft", new WebSocketSessions(new ClientTable()), Optional.empty());
    }
}
