package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Http2Config;
import dev.weft.http.Http2Limits;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of recent years, each refused with a defined outcome and counted; every test
 * names what it sends and what it gets back (the note lists the same). Limits are set
 * low so that a handful of frames trips them.
 */
class Http2AttackTest {

    private static final Http2Limits.Rate TEN_PER_MINUTE = new Http2Limits.Rate(10, Duration.ofMinutes(1));

    private final TestRoutes routes = new TestRoutes(1000);
    private H2TestServer server;

    private void start(Http2Config config) throws IOException {
        server = new H2TestServer(config, routes.router());
    }

    @AfterEach
    void stop() throws IOException {
        routes.release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private static Http2Config.Builder config() {
        return Http2Config.builder();
    }

    @Test
    void aStreamBeyondMaxConcurrentStreamsIsRefused() throws Exception {
        // Sends: 2 GET /slow (held open), then a GET /hello. Gets: RST_STREAM(3rd, REFUSED_STREAM).
        start(config().maxConcurrentStreams(2).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/slow");
            client.get(3, "/slow");
            client.get(5, "/hello");
            assertEquals(ErrorCode.REFUSED_STREAM.code(), client.awaitReset(5));
            routes.release.countDown();
            assertEquals("slow done", client.response(1).text());
        }
        assertEquals(1, server.metrics().refusedStreams());
    }

    @Test
    void aHeaderListOverTheLimitIsAnswered431() throws IOException {
        // Sends: GET /hello with a 2000-byte x-big field against a 1 KiB limit. Gets: :status 431.
        start(config().maxHeaderListBytes(1024).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/hello", "x-big", "a".repeat(2000));
            assertEquals(431, client.response(1).status());
            client.get(3, "/hello");
            assertEquals(200, client.response(3).status(), "the connection goes on");
        }
        assertEquals(1, server.metrics().headerListsTooLarge());
    }

    @Test
    void aDynamicTableBombIsRefusedWith431AndTheTableStaysInStep() throws IOException {
        // Sends: a request whose x-a field (1000 bytes) enters the HPACK table, then a block of
        // 5000 one-byte references to it (a 5 MB header list from 5 KB). Gets: 431, then normal service.
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, true, ":method", "GET", ":scheme", "http", ":path", "/hello",
                    "x-a", "b".repeat(1000));
            assertEquals(200, client.response(1).status());
            byte[] base = client.block(":method", "GET", ":scheme", "http", ":path", "/hello");
            byte[] bomb = Arrays.copyOf(base, base.length + 5000);
            // Request 1 added ":path: /hello" then "x-a" to the table, so x-a is the newest entry, 62.
            Arrays.fill(bomb, base.length, bomb.length, (byte) (0x80 | 62));
            client.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS | Frame.FLAG_END_STREAM, 3, bomb);
            assertEquals(431, client.response(3).status());
            client.get(5, "/hello");
            assertEquals("Hello, World!", client.response(5).text(), "the decoder is still in step");
        }
    }

    @Test
    void aContinuationFloodEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: HEADERS without END_HEADERS, then 9 empty CONTINUATION frames (limit 8).
        // Gets: GOAWAY(ENHANCE_YOUR_CALM), connection closed.
        start(config().limits(Http2Limits.DEFAULTS.withMaxContinuationFrames(8)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, client.block(":method", "GET"));
            for (int i = 0; i < 9; i++) {
                client.frame(Frame.CONTINUATION, 0, 1, new byte[0]);
            }
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
            assertTrue(client.closedByServer());
        }
        assertEquals(1, server.metrics().floods().total());
        assertEquals(1, server.metrics().floods().headerBlockFloods());
    }

    @Test
    void aHeaderBlockOverItsByteLimitEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: HEADERS + 4 CONTINUATIONs of 16 KiB of literal bytes (80 KiB > 64 KiB).
        // Gets: GOAWAY(ENHANCE_YOUR_CALM) before the block is complete.
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, new byte[16_384]);
            for (int i = 0; i < 4; i++) {
                client.frame(Frame.CONTINUATION, 0, 1, new byte[16_384]);
            }
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
        }
    }

    @Test
    void rapidResetEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: 11 times HEADERS(GET /slow) then RST_STREAM(CANCEL) (limit 10 per minute).
        // Gets: GOAWAY(ENHANCE_YOUR_CALM), connection closed.
        start(config().limits(Http2Limits.DEFAULTS.withResets(TEN_PER_MINUTE)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            for (int i = 0; i < 11; i++) {
                client.get(1 + 2 * i, "/slow");
                client.rst(1 + 2 * i, ErrorCode.CANCEL);
            }
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
            assertTrue(client.closedByServer());
        }
        assertEquals(1, server.metrics().floods().total());
        assertEquals(1, server.metrics().floods().rapidResets());
    }

    @Test
    void resetStreamsKeepTheirSlotsUntilTheirHandlersReturn() throws Exception {
        // Sends: 3 GET /slow each reset at once (max 3 streams), then GET /hello.
        // Gets: RST_STREAM(REFUSED_STREAM) for /hello while the 3 handlers still run; served after.
        start(config().maxConcurrentStreams(3).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            for (int i = 0; i < 3; i++) {
                client.get(1 + 2 * i, "/slow");
                client.rst(1 + 2 * i, ErrorCode.CANCEL);
            }
            client.get(7, "/hello");
            assertEquals(ErrorCode.REFUSED_STREAM.code(), client.awaitReset(7));
            routes.release.countDown();
            Poll.untilEqual("streams in progress", 0, () -> server.activeStreams());
            client.get(9, "/hello");
            assertEquals("Hello, World!", client.response(9).text());
        }
    }

    @Test
    void aSettingsFloodEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: 11 SETTINGS frames (limit 10 per minute). Gets: GOAWAY(ENHANCE_YOUR_CALM).
        start(config().limits(Http2Limits.DEFAULTS.withControlFrames(TEN_PER_MINUTE)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            for (int i = 0; i < 11; i++) {
                client.settings();
            }
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
        }
    }

    @Test
    void aPingFloodEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: 11 PING frames (limit 10 per minute). Gets: 10 PING acks, then GOAWAY(ENHANCE_YOUR_CALM).
        start(config().limits(Http2Limits.DEFAULTS.withControlFrames(TEN_PER_MINUTE)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            for (int i = 0; i < 11; i++) {
                client.ping(i);
            }
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
        }
        assertEquals(1, server.metrics().floods().controlFrameFloods());
    }

    @Test
    void anEmptyDataFloodEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: POST /slow-less stream kept open, 11 empty DATA frames without END_STREAM
        // (limit 10 per minute). Gets: GOAWAY(ENHANCE_YOUR_CALM).
        start(config().limits(Http2Limits.DEFAULTS.withEmptyFrames(TEN_PER_MINUTE)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/echo");
            for (int i = 0; i < 11; i++) {
                client.data(1, new byte[0], false);
            }
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
        }
        assertEquals(1, server.metrics().floods().emptyFrameFloods());
    }

    @Test
    void aFloodOfZeroLengthHeadersEndsTheConnectionWithEnhanceYourCalm() throws IOException {
        // Sends: 11 HEADERS frames with an empty block (each a malformed request, answered with
        // RST_STREAM PROTOCOL_ERROR; limit 10 answers per minute). Gets: 10 resets, then GOAWAY(ENHANCE_YOUR_CALM).
        start(config().limits(Http2Limits.DEFAULTS.withControlFrames(TEN_PER_MINUTE)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            for (int i = 0; i < 11; i++) {
                client.frame(Frame.HEADERS, Frame.FLAG_END_HEADERS | Frame.FLAG_END_STREAM, 1 + 2 * i, new byte[0]);
            }
            assertEquals(ErrorCode.PROTOCOL_ERROR.code(), client.awaitReset(1));
            assertEquals(ErrorCode.ENHANCE_YOUR_CALM.code(), client.awaitGoAway());
        }
    }

    @Test
    void aStreamWhoseWindowNeverOpensTimesOutAloneWithCancel() throws IOException {
        // Sends: connection WINDOW_UPDATE of 1 MiB, GET /big on stream 1 and never a WINDOW_UPDATE
        // for stream 1, then GET /hello on stream 3.
        // Gets: /hello served while stream 1 is stuck; then RST_STREAM(1, CANCEL) after the timeout.
        start(config().streamWriteTimeout(Duration.ofMillis(500)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.openWindows = false;
            client.windowUpdate(0, 1 << 20);
            client.get(1, "/big");
            client.get(3, "/hello");
            assertEquals("Hello, World!", client.response(3).text());
            assertEquals(ErrorCode.CANCEL.code(), client.awaitReset(1));
        }
        Poll.untilEqual("stream write timeouts", 1, () -> server.metrics().streamWriteTimeouts());
    }

    @Test
    void unacknowledgedSettingsEndTheConnectionWithSettingsTimeout() throws IOException {
        // Sends: the preface and SETTINGS, never a SETTINGS ack. Gets: GOAWAY(SETTINGS_TIMEOUT).
        start(config().settingsAckTimeout(Duration.ofMillis(200)).build());
        try (RawH2Client client = RawH2Client.connect(server.port())) {
            client.raw(Preface.bytes());
            client.settings();
            assertEquals(ErrorCode.SETTINGS_TIMEOUT.code(), client.awaitGoAway());
            assertTrue(client.closedByServer());
        }
        assertEquals(1, server.metrics().settingsTimeouts());
    }

    @Test
    void aClientThatSendsPingsButNeverReadsIsDisconnected() throws Exception {
        // Sends: PINGs as fast as it can while never reading (receive buffer 4 KiB), so the acks
        // pile up. Gets: the connection closed once more than 100 answers wait (ENHANCE_YOUR_CALM).
        start(config().limits(new Http2Limits(64 * 1024, 32, Http2Limits.DEFAULTS.resets(),
                new Http2Limits.Rate(10_000_000, Duration.ofMinutes(1)), Http2Limits.DEFAULTS.emptyFrames(), 100))
                .build());
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            OutputStream out = socket.getOutputStream();
            out.write(Preface.bytes());
            byte[] settings = new byte[9];
            FrameEncoder.header(settings, 0, 0, Frame.SETTINGS, 0, 0);
            out.write(settings);
            byte[] pings = new byte[17 * 1000];
            for (int i = 0; i < 1000; i++) {
                FrameEncoder.header(pings, 17 * i, 8, Frame.PING, 0, 0);
            }
            try {
                for (int i = 0; i < 2000 && server.metrics().floods().total() == 0; i++) {
                    out.write(pings);
                }
            } catch (SocketException closedByServer) {
                // Expected once the server gave up on this client.
            }
        }
        Poll.untilEqual("floods refused", 1, () -> server.metrics().floods().total());
        assertEquals(1, server.metrics().floods().unreadAnswers());
    }
}
