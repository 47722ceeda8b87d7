package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Http2Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every protocol violation of RFC 9113 a client can commit gets the RFC's answer: a connection
 * error is {@code GOAWAY} with its code and the connection closed; a stream error is
 * {@code RST_STREAM} with its code, and the connection goes on serving (checked by a GET on a
 * new stream afterwards). Each case names what it sends.
 */
class Http2ProtocolErrorTest {

    private static final TestRoutes ROUTES = new TestRoutes(1000);
    private static H2TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new H2TestServer(Http2Config.DEFAULTS, ROUTES.router());
    }

    @AfterAll
    static void stop() throws IOException {
        ROUTES.release.countDown();
        server.close();
    }

    /** What a case sends after the handshake. */
    @FunctionalInterface
    interface Send {
        void to(RawH2Client client) throws IOException;
    }

    private static Arguments connectionError(String what, ErrorCode code, Send send) {
        return Arguments.of(what, code, send);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static final String[] GET = {":method", "GET", ":scheme", "http", ":path", "/hello", ":authority", "x"};

    static Stream<Arguments> connectionErrors() {
        return Stream.of(
                connectionError("DATA on stream 0", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.DATA, 0, 0, new byte[1])),
                connectionError("HEADERS on stream 0", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS, 0, c.block(GET))),
                connectionError("HEADERS on an even stream id", ErrorCode.PROTOCOL_ERROR,
                        c -> c.headers(2, true, GET)),
                connectionError("HEADERS on stream 3 after stream 5", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.headers(5, true, GET);
                    c.headers(3, true, GET);
                }),
                connectionError("DATA on an idle stream", ErrorCode.PROTOCOL_ERROR, c -> c.data(1, new byte[1], true)),
                connectionError("RST_STREAM on an idle stream", ErrorCode.PROTOCOL_ERROR,
                        c -> c.rst(1, ErrorCode.CANCEL)),
                connectionError("WINDOW_UPDATE on an idle stream", ErrorCode.PROTOCOL_ERROR,
                        c -> c.windowUpdate(1, 1)),
                connectionError("RST_STREAM on stream 0", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.RST_STREAM, 0, 0, new byte[4])),
                connectionError("RST_STREAM of 3 octets", ErrorCode.FRAME_SIZE_ERROR, c -> {
                    c.headers(1, false, GET);
                    c.frame(Frame.RST_STREAM, 0, 1, new byte[3]);
                }),
                connectionError("SETTINGS on stream 1", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.SETTINGS, 0, 1, new byte[0])),
                connectionError("SETTINGS of 5 octets", ErrorCode.FRAME_SIZE_ERROR,
                        c -> c.frame(Frame.SETTINGS, 0, 0, new byte[5])),
                connectionError("SETTINGS ACK with a payload", ErrorCode.FRAME_SIZE_ERROR,
                        c -> c.frame(Frame.SETTINGS, Frame.FLAG_ACK, 0, new byte[6])),
                connectionError("SETTINGS_ENABLE_PUSH of 2", ErrorCode.PROTOCOL_ERROR,
                        c -> c.settings(Frame.Setting.ENABLE_PUSH, 2)),
                connectionError("SETTINGS_INITIAL_WINDOW_SIZE of 2^31", ErrorCode.FLOW_CONTROL_ERROR,
                        c -> c.settings(Frame.Setting.INITIAL_WINDOW_SIZE, 0x8000_0000)),
                connectionError("SETTINGS_MAX_FRAME_SIZE of 16383", ErrorCode.PROTOCOL_ERROR,
                        c -> c.settings(Frame.Setting.MAX_FRAME_SIZE, 16_383)),
                connectionError("SETTINGS_MAX_FRAME_SIZE of 2^24", ErrorCode.PROTOCOL_ERROR,
                        c -> c.settings(Frame.Setting.MAX_FRAME_SIZE, 1 << 24)),
                connectionError("PING of 7 octets", ErrorCode.FRAME_SIZE_ERROR,
                        c -> c.frame(Frame.PING, 0, 0, new byte[7])),
                connectionError("PING on stream 1", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.PING, 0, 1, new byte[8])),
                connectionError("GOAWAY on stream 1", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.GOAWAY, 0, 1, new byte[8])),
                connectionError("WINDOW_UPDATE of 3 octets", ErrorCode.FRAME_SIZE_ERROR,
                        c -> c.frame(Frame.WINDOW_UPDATE, 0, 0, new byte[3])),
                connectionError("connection WINDOW_UPDATE of 0", ErrorCode.PROTOCOL_ERROR,
                        c -> c.windowUpdate(0, 0)),
                connectionError("connection window past 2^31-1", ErrorCode.FLOW_CONTROL_ERROR, c -> {
                    c.windowUpdate(0, Integer.MAX_VALUE);
                    c.windowUpdate(0, Integer.MAX_VALUE);
                }),
                connectionError("DATA of 16385 octets (over SETTINGS_MAX_FRAME_SIZE)", ErrorCode.FRAME_SIZE_ERROR, c -> {
                    c.post(1, "/echo", 16_385);
                    c.data(1, new byte[16_385], true);
                }),
                connectionError("HEADERS of 16385 octets", ErrorCode.FRAME_SIZE_ERROR,
                        c -> c.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS, 1, new byte[16_385])),
                connectionError("PING inside a header block", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, c.block(GET));
                    c.ping(1);
                }),
                connectionError("PRIORITY inside a header block", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, c.block(GET));
                    c.frame(Frame.PRIORITY, 0, 1, new byte[5]);
                }),
                connectionError("an unknown frame type inside a header block", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, c.block(GET));
                    c.frame(0x42, 0, 1, new byte[3]);
                }),
                connectionError("CONTINUATION on another stream", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, c.block(GET));
                    c.frame(Frame.CONTINUATION, Frame.FLAG_END_HEADERS, 3, new byte[0]);
                }),
                connectionError("CONTINUATION without HEADERS", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.CONTINUATION, Frame.FLAG_END_HEADERS, 1, new byte[0])),
                connectionError("CONTINUATION after END_HEADERS", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.headers(1, true, GET);
                    c.frame(Frame.CONTINUATION, Frame.FLAG_END_HEADERS, 1, new byte[0]);
                }),
                connectionError("CONTINUATION on stream 0", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.CONTINUATION, Frame.FLAG_END_HEADERS, 0, new byte[0])),
                connectionError("an HPACK index of 0", ErrorCode.COMPRESSION_ERROR,
                        c -> c.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS | Frame.FLAG_END_STREAM, 1, bytes(0x80))),
                connectionError("an HPACK table size update over SETTINGS_HEADER_TABLE_SIZE", ErrorCode.COMPRESSION_ERROR,
                        c -> c.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS | Frame.FLAG_END_STREAM, 1,
                                bytes(0x3f, 0xe2, 0x1f, 0x82))),
                connectionError("DATA whose pad length covers the payload", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.post(1, "/echo", 4);
                    c.frame(Frame.DATA, Frame.FLAG_PADDED, 1, bytes(4, 'a', 'b', 'c'));
                }),
                connectionError("HEADERS whose pad length covers the payload", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.HEADERS, Frame.FLAG_PADDED | Frame.FLAG_END_HEADERS, 1, bytes(3, 0x82, 0x84))),
                connectionError("DATA on a stream both sides ended", ErrorCode.STREAM_CLOSED, c -> {
                    c.get(1, "/hello");
                    c.response(1);
                    c.data(1, new byte[4], true);
                }),
                connectionError("HEADERS on a stream both sides ended", ErrorCode.STREAM_CLOSED, c -> {
                    c.get(1, "/hello");
                    c.response(1);
                    c.get(1, "/hello");
                }),
                connectionError("CONTINUATION on a stream both sides ended", ErrorCode.PROTOCOL_ERROR, c -> {
                    c.get(1, "/hello");
                    c.response(1);
                    c.frame(Frame.CONTINUATION, Frame.FLAG_END_HEADERS, 1, c.block("x-a", "b"));
                }),
                connectionError("PUSH_PROMISE from the client", ErrorCode.PROTOCOL_ERROR,
                        c -> c.frame(Frame.PUSH_PROMISE, Frame.FLAG_END_HEADERS, 1, new byte[4])));
    }

    @ParameterizedTest(name = "{0} → GOAWAY {1}")
    @MethodSource("connectionErrors")
    void aConnectionErrorIsAnsweredWithGoAwayAndClose(String what, ErrorCode code, Send send) throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            send.to(client);
            assertEquals(code.code(), client.awaitGoAway(), what);
            assertTrue(client.closedByServer(), what + ": closed after GOAWAY");
        }
    }

    static Stream<Arguments> streamErrors() {
        return Stream.of(
                Arguments.of("an upper-case field name", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/hello",
                                "X-Upper", "1")),
                Arguments.of("no :path", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http")),
                Arguments.of("no :method", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":scheme", "http", ":path", "/hello")),
                Arguments.of("no :scheme", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":path", "/hello")),
                Arguments.of("an empty :path", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "")),
                Arguments.of("a repeated :method", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":method", "GET", ":scheme", "http",
                                ":path", "/")),
                Arguments.of("the response pseudo-header :status", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/",
                                ":status", "200")),
                Arguments.of("an unknown pseudo-header", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/", ":x", "1")),
                Arguments.of("a pseudo-header after a regular field", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", "accept", "*/*",
                                ":path", "/")),
                Arguments.of("connection: keep-alive", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/",
                                "connection", "keep-alive")),
                Arguments.of("transfer-encoding: chunked", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/",
                                "transfer-encoding", "chunked")),
                Arguments.of("te: gzip", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/",
                                "te", "gzip")),
                Arguments.of("a value with a leading space", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/",
                                "x-a", " b")),
                Arguments.of("a content-length longer than the DATA", ErrorCode.PROTOCOL_ERROR, (Send) c -> {
                    c.post(1, "/echo", 10);
                    c.data(1, new byte[3], true);
                }),
                Arguments.of("more DATA than content-length", ErrorCode.PROTOCOL_ERROR, (Send) c -> {
                    c.post(1, "/echo", 2);
                    c.data(1, new byte[3], true);
                }),
                Arguments.of("a content-length with HEADERS ending the stream", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.headers(1, true, ":method", "POST", ":scheme", "http", ":path", "/echo",
                                "content-length", "5")),
                Arguments.of("trailers without END_STREAM", ErrorCode.PROTOCOL_ERROR, (Send) c -> {
                    c.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/echo");
                    c.headers(1, false, "x-trailer", "1");
                }),
                Arguments.of("a pseudo-header in trailers", ErrorCode.PROTOCOL_ERROR, (Send) c -> {
                    c.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/echo");
                    c.headers(1, true, ":path", "/");
                }),
                Arguments.of("DATA after END_STREAM (half-closed remote)", ErrorCode.STREAM_CLOSED, (Send) c -> {
                    c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/slow");
                    c.data(1, new byte[1], true);
                }),
                Arguments.of("HEADERS after END_STREAM (half-closed remote)", ErrorCode.STREAM_CLOSED, (Send) c -> {
                    c.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/slow");
                    c.headers(1, true, "x-trailer", "1");
                }),
                Arguments.of("HEADERS after the client's own RST_STREAM", ErrorCode.STREAM_CLOSED, (Send) c -> {
                    c.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/echo");
                    c.rst(1, ErrorCode.CANCEL);
                    c.headers(1, true, ":method", "POST", ":scheme", "http", ":path", "/echo");
                }),
                Arguments.of("DATA after the client's own RST_STREAM", ErrorCode.STREAM_CLOSED, (Send) c -> {
                    c.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/echo");
                    c.rst(1, ErrorCode.CANCEL);
                    c.data(1, new byte[1], true);
                }),
                Arguments.of("HEADERS depending on its own stream", ErrorCode.PROTOCOL_ERROR, (Send) c -> {
                    byte[] block = c.block(GET);
                    byte[] payload = new byte[5 + block.length];
                    payload[3] = 1;
                    System.arraycopy(block, 0, payload, 5, block.length);
                    c.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS | Frame.FLAG_END_STREAM | Frame.FLAG_PRIORITY, 1,
                            payload);
                }),
                Arguments.of("PRIORITY depending on its own stream", ErrorCode.PROTOCOL_ERROR,
                        (Send) c -> c.frame(Frame.PRIORITY, 0, 1, bytes(0, 0, 0, 1, 16))),
                Arguments.of("PRIORITY of 4 octets", ErrorCode.FRAME_SIZE_ERROR,
                        (Send) c -> c.frame(Frame.PRIORITY, 0, 1, new byte[4])),
                Arguments.of("a stream WINDOW_UPDATE of 0", ErrorCode.PROTOCOL_ERROR, (Send) c -> {
                    c.headers(1, false, ":method", "GET", ":scheme", "http", ":path", "/hello");
                    c.windowUpdate(1, 0);
                }),
                Arguments.of("a stream window past 2^31-1", ErrorCode.FLOW_CONTROL_ERROR, (Send) c -> {
                    c.headers(1, false, ":method", "GET", ":scheme", "http", ":path", "/hello");
                    c.windowUpdate(1, Integer.MAX_VALUE);
                    c.windowUpdate(1, Integer.MAX_VALUE);
                }),
                Arguments.of("DATA past the stream window", ErrorCode.FLOW_CONTROL_ERROR, (Send) c -> {
                    c.headers(1, false, ":method", "GET", ":scheme", "http", ":path", "/slow");
                    for (int i = 0; i < 17; i++) {
                        c.data(1, new byte[16_384], false);
                    }
                }));
    }

    @ParameterizedTest(name = "{0} → RST_STREAM {1}")
    @MethodSource("streamErrors")
    void aStreamErrorResetsTheStreamAndTheConnectionGoesOn(String what, ErrorCode code, Send send) throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            send.to(client);
            assertEquals(code.code(), client.awaitReset(1), what);
            client.get(101, "/hello");
            assertEquals("Hello, World!", client.response(101).text(), what + ": the connection still serves");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INVALID CONNECTION PREFACE\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n"})
    void firstBytesThatAreNeitherThePrefaceNorHttp11AreAnsweredWithGoAwayProtocolError(String start) throws IOException {
        try (RawH2Client client = RawH2Client.connect(server.port())) {
            client.raw(start.getBytes(StandardCharsets.US_ASCII));
            assertEquals(ErrorCode.PROTOCOL_ERROR.code(), client.awaitGoAway());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void aFirstFrameOtherThanSettingsIsAProtocolError() throws IOException {
        try (RawH2Client client = RawH2Client.connect(server.port())) {
            client.raw(Preface.bytes());
            client.ping(7);
            assertEquals(ErrorCode.PROTOCOL_ERROR.code(), client.awaitGoAway());
        }
    }

    @Test
    void unknownFrameTypesAndFlagsAreIgnored() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.frame(0x42, 0xFF, 0, new byte[10]);
            client.frame(Frame.PING, 0xFE, 0, new byte[8]);
            client.get(1, "/hello");
            assertEquals("Hello, World!", client.response(1).text());
        }
    }

    @Test
    void aHeaderBlockSplitOverContinuationsAndPaddedFramesIsServed() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            byte[] block = client.block(":method", "POST", ":scheme", "http", ":path", "/echo", ":authority", "x");
            byte[] padded = new byte[1 + 3 + 4];
            padded[0] = 4;
            System.arraycopy(block, 0, padded, 1, 3);
            client.frame(Frame.HEADERS, Frame.FLAG_PADDED, 1, padded);
            client.frame(Frame.CONTINUATION, 0, 1, java.util.Arrays.copyOfRange(block, 3, 5));
            client.frame(Frame.CONTINUATION, Frame.FLAG_END_HEADERS, 1,
                    java.util.Arrays.copyOfRange(block, 5, block.length));
            client.frame(Frame.DATA, Frame.FLAG_PADDED | Frame.FLAG_END_STREAM, 1, bytes(2, 'h', 'i', 0, 0));
            assertEquals("hi", client.response(1).text());
        }
    }

    @Test
    void aSettingsFrameIsAcknowledgedAndAWindowOfOneByteIsHonoured() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.settings(Frame.Setting.INITIAL_WINDOW_SIZE, 1);
            client.await(f -> f.type() == Frame.SETTINGS && f.has(Frame.FLAG_ACK));
            client.get(1, "/hello");
            RawH2Client.RawFrame data = client.await(f -> f.type() == Frame.DATA);
            assertEquals(1, data.payload().length, "one byte fits the window");
        }
    }

    @Test
    void responsesWaitingOnAZeroWindowHoldTheirSlotsAndTheNextStreamIsRefused() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.settings(Frame.Setting.INITIAL_WINDOW_SIZE, 0);
            for (int i = 0; i <= 100; i++) {
                client.get(1 + 2 * i, "/hello");
            }
            assertEquals(ErrorCode.REFUSED_STREAM.code(), client.awaitReset(201), "stream 101 is over the limit of 100");
        }
    }

    @Test
    void aWindowMadeNegativeBySettingsIsHonouredUntilUpdatesReopenIt() throws IOException {
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.openWindows = false;
            client.settings(Frame.Setting.INITIAL_WINDOW_SIZE, 100);
            client.await(f -> f.type() == Frame.SETTINGS && f.has(Frame.FLAG_ACK));
            client.get(1, "/big");
            assertEquals(100, client.await(f -> f.type() == Frame.DATA).payload().length);
            client.settings(Frame.Setting.INITIAL_WINDOW_SIZE, 50);
            client.await(f -> f.type() == Frame.SETTINGS && f.has(Frame.FLAG_ACK));
            client.windowUpdate(1, 40);
            client.ping(9);
            RawH2Client.RawFrame next = client.await(f -> f.type() == Frame.DATA || f.type() == Frame.PING);
            assertEquals(Frame.PING, next.type(), "100 - 100 - 50 + 40 = -10: no DATA may be sent");
            client.windowUpdate(1, 40);
            assertEquals(30, client.await(f -> f.type() == Frame.DATA).payload().length, "-10 + 40 = 30 bytes");
        }
    }
}
