package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Http2Config;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine over real loopback sockets, driven by a raw frame client: the happy paths. */
@ExtendWith(PinningRecorder.class)
class Http2ConnectionTest {

    private final TestRoutes routes = new TestRoutes(1);
    private H2TestServer server;

    private H2TestServer start(Http2Config config) throws IOException {
        server = new H2TestServer(config, routes.router());
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        routes.release.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void getHelloAnswersHelloWorldOnTheStream() throws IOException {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/hello");
            RawH2Client.RawResponse response = client.response(1);
            assertEquals(200, response.status());
            assertEquals("Hello, World!", response.text());
            assertTrue(response.fields().contains("content-length"));
            client.get(3, "/nothing-here");
            assertEquals(404, client.response(3).status());
        }
    }

    @Test
    void aOneMebibyteBodyGoesBothWaysWithinTheWindows() throws IOException {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.post(1, "/echo", TestRoutes.MEBIBYTE.length);
            int sent = 0;
            // The server's windows are what it advertised: 256 KiB per stream, 1 MiB for the connection.
            int streamWindow = 256 * 1024;
            while (sent < TestRoutes.MEBIBYTE.length) {
                while (streamWindow == 0) {
                    RawH2Client.RawFrame update = client.await(f -> f.type() == Frame.WINDOW_UPDATE);
                    if (update.streamId() == 1) {
                        streamWindow += update.firstInt();
                    }
                }
                int n = Math.min(16_384, Math.min(streamWindow, TestRoutes.MEBIBYTE.length - sent));
                client.data(1, Arrays.copyOfRange(TestRoutes.MEBIBYTE, sent, sent + n),
                        sent + n == TestRoutes.MEBIBYTE.length);
                sent += n;
                streamWindow -= n;
            }
            RawH2Client.RawResponse response = client.response(1);
            assertEquals(200, response.status());
            assertArrayEquals(TestRoutes.MEBIBYTE, response.body());
        }
    }

    @Test
    void aOneMebibyteResponseWaitsForTheClientsWindowUpdates() throws IOException {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/big");
            assertArrayEquals(TestRoutes.MEBIBYTE, client.response(1).body());
            client.get(3, "/stream");
            RawH2Client.RawResponse streamed = client.response(3);
            assertEquals(200, streamed.status());
            assertArrayEquals(TestRoutes.MEBIBYTE, streamed.body());
        }
    }

    @Test
    void aHundredConcurrentStreamsOnOneConnectionAllComplete() throws IOException {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int id = 1 + 2 * i;
                ids.add(id);
                client.get(id, i % 2 == 0 ? "/hello" : "/big");
            }
            Map<Integer, RawH2Client.RawResponse> responses = client.responses(ids);
            assertEquals(100, responses.size());
            for (int i = 0; i < 100; i++) {
                RawH2Client.RawResponse response = responses.get(1 + 2 * i);
                assertEquals(200, response.status());
                assertEquals(i % 2 == 0 ? 13 : TestRoutes.MEBIBYTE.length, response.body().length);
            }
        }
        assertEquals(100, server.metrics().streams());
    }

    @Test
    void pingIsAnsweredWithTheSameOpaqueData() throws IOException {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.ping(0x0102030405060708L);
            RawH2Client.RawFrame ack = client.await(f -> f.type() == Frame.PING);
            assertTrue(ack.has(Frame.FLAG_ACK));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, ack.payload());
        }
    }

    @Test
    void requestTrailersAreAcceptedAfterTheBody() throws IOException {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, false, ":method", "POST", ":scheme", "http", ":path", "/echo", ":authority", "x");
            client.data(1, "abc".getBytes(), false);
            client.headers(1, true, "x-checksum", "42");
            RawH2Client.RawResponse response = client.response(1);
            assertEquals(200, response.status());
            assertEquals("abc", response.text());
        }
    }

    @Test
    void gracefulStopSendsGoAwayAndLetsTheOpenStreamFinish() throws Exception {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/slow");
            assertTrue(routes.slowStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
            Thread stopping = server.stopInBackground(Duration.ofSeconds(20));
            RawH2Client.RawFrame goAway = client.await(f -> f.type() == Frame.GOAWAY);
            assertEquals(ErrorCode.NO_ERROR.code(), goAway.errorCode());
            assertEquals(1, goAway.firstInt(), "GOAWAY names stream 1 as the last processed");
            client.get(3, "/hello");
            assertEquals(ErrorCode.REFUSED_STREAM.code(), client.awaitReset(3), "a new stream is refused");
            routes.release.countDown();
            RawH2Client.RawResponse response = client.response(1);
            assertEquals("slow done", response.text());
            assertTrue(client.closedByServer(), "the connection closes once the last stream is done");
            stopping.join(Duration.ofSeconds(20));
            assertFalse(stopping.isAlive(), "the server stopped well within its grace");
        }
    }

    @Test
    void answeredStreamsLeftHalfOpenDoNotKeepAConnectionFromIdling() throws IOException {
        start(Http2Config.builder().idleTimeout(Duration.ofMillis(300)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.headers(1, false, ":method", "GET", ":scheme", "http", ":path", "/hello", ":authority", "x");
            assertEquals("Hello, World!", client.response(1).text());
            assertEquals(ErrorCode.NO_ERROR.code(), client.awaitGoAway(), "stream 1 is never ended by the client");
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void aClientThatVanishesMidStreamLeavesNoConnectionBehind() throws Exception {
        start(Http2Config.DEFAULTS);
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            client.get(1, "/slow");
            assertTrue(routes.slowStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        routes.release.countDown();
        Poll.untilEqual("connections served", 0, () -> server.connectionCount());
        assertEquals(0, server.activeStreams());
    }

    @Test
    void anIdleConnectionIsClosedWithGoAwayNoError() throws IOException {
        start(Http2Config.builder().idleTimeout(Duration.ofMillis(200)).build());
        try (RawH2Client client = RawH2Client.handshake(server.port())) {
            assertEquals(ErrorCode.NO_ERROR.code(), client.awaitGoAway());
            assertTrue(client.closedByServer());
        }
        Poll.untilEqual("idle timeouts", 1, () -> server.metrics().idleTimeouts());
    }
}
