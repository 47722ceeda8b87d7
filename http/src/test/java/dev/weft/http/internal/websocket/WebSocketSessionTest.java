package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.FIN;
import static dev.weft.http.internal.websocket.ClientFrames.RSV1;
import static dev.weft.http.internal.websocket.ClientFrames.binary;
import static dev.weft.http.internal.websocket.ClientFrames.bytes;
import static dev.weft.http.internal.websocket.ClientFrames.close;
import static dev.weft.http.internal.websocket.ClientFrames.closeWithoutCode;
import static dev.weft.http.internal.websocket.ClientFrames.concat;
import static dev.weft.http.internal.websocket.ClientFrames.frame;
import static dev.weft.http.internal.websocket.ClientFrames.header64;
import static dev.weft.http.internal.websocket.ClientFrames.ping;
import static dev.weft.http.internal.websocket.ClientFrames.pong;
import static dev.weft.http.internal.websocket.ClientFrames.text;
import static dev.weft.http.internal.websocket.ClientFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.StreamedMessage;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions on a real {@link dev.weft.http.HttpServer} over loopback sockets ({@link
 * TestWebSocketServer}), a raw client writing hand-made frames: the handshake through the
 * pipeline and the HTTP/1.1 loop, then every rule of the protocol.
 */
@ExtendWith(PinningRecorder.class)
class WebSocketSessionTest {

    private static final WebSocketConfig CONFIG = WebSocketConfig.builder().origins(OriginPolicy.any()).build();

    /** What each session's endpoint saw last: its close status once receive() returned null. */
    private final BlockingQueue<Optional<CloseStatus>> ended = new LinkedBlockingQueue<>();
    private final WebSocketEndpoint echo = session -> {
        Message message;
        while ((message = session.receive()) != null) {
            session.send(message);
        }
        ended.add(session.closeStatus());
    };
    private TestWebSocketServer server;

    private TestWebSocketServer start(WebSocketConfig config, WebSocketEndpoint endpoint) throws IOException {
        server = new TestWebSocketServer(config, endpoint);
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private CloseStatus endedWith() throws InterruptedException {
        Optional<CloseStatus> status = ended.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("the endpoint did not see the session end");
        }
        return status.orElseThrow();
    }

    // ---- messages ---------------------------------------------------------------------------

    @Test
    void echoesTextAndBinaryAsTheSameType() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("hello"), binary(bytes(0, 1, 2, 255)), text(""));
            ServerFrame first = client.read();
            assertEquals(0x1, first.opcode());
            assertTrue(first.fin());
            assertEquals("hello", first.text());
            ServerFrame second = client.read();
            assertEquals(0x2, second.opcode());
            assertArrayEquals(bytes(0, 1, 2, 255), second.payload());
            assertEquals("", client.read().text());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65_536})
    void echoesOneMebibyteMessagesWholeOrFragmented(int fragmentBytes) throws Exception {
        start(CONFIG, echo);
        byte[] payload = new byte[1 << 20];
        new Random(1).nextBytes(payload);
        String textPayload = "κόσμε ".repeat((1 << 20) / 11);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(binary(payload));
            assertArrayEquals(payload, ServerFrame.join(client.readMessageFrames()));
            client.send(text(textPayload));
            assertEquals(textPayload, new String(ServerFrame.join(client.readMessageFrames()), java.nio.charset.StandardCharsets.UTF_8));
            if (fragmentBytes > 1) {
                client.send(fragmented(0x2, payload, fragmentBytes));
                assertArrayEquals(payload, ServerFrame.join(client.readMessageFrames()));
            }
        }
    }

    /** {@code payload} as a message in fragments of {@code size} bytes. */
    private static byte[] fragmented(int opcode, byte[] payload, int size) {
        byte[][] frames = new byte[(payload.length + size - 1) / size][];
        for (int i = 0; i < frames.length; i++) {
            boolean last = i == frames.length - 1;
            frames[i] = frame((last ? FIN : 0) | (i == 0 ? opcode : 0),
                    Arrays.copyOfRange(payload, i * size, Math.min(payload.length, (i + 1) * size)));
        }
        return concat(frames);
    }

    @Test
    void reassemblesAMessageOfOneByteFragmentsWrittenOneByteAtATime() throws Exception {
        start(CONFIG, echo);
        byte[] message = utf8("Hello, κόσμε! 𝄞");
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.sendByteByByte(concat(fragmented(0x1, message, 1), ping(bytes(9)), text("after")));
            // the pong may overtake the echo still queued: control frames go first
            List<ServerFrame> frames = List.of(client.read(), client.read(), client.read());
            assertEquals(List.of("Hello, κόσμε! 𝄞", "after"), frames.stream().filter(f -> f.opcode() == 0x1)
                    .map(ServerFrame::text).toList());
            assertArrayEquals(bytes(9), frames.stream().filter(f -> f.opcode() == 0xA).findFirst().orElseThrow().payload());
        }
    }

    @Test
    void answersPingsWithTheirPayloadEvenBetweenFragments() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(frame(0x1, utf8("frag")), ping(utf8("between")));
            ServerFrame pong = client.read();
            assertEquals(0xA, pong.opcode());
            assertEquals("between", pong.text());
            client.send(frame(FIN, utf8("ment")), ping(new byte[125]));
            List<ServerFrame> frames = List.of(client.read(), client.read());
            assertEquals("fragment", frames.stream().filter(f -> f.opcode() == 0x1).findFirst().orElseThrow().text());
            assertArrayEquals(new byte[125], frames.stream().filter(f -> f.opcode() == 0xA).findFirst().orElseThrow()
                    .payload());
            client.send(pong(utf8("unsolicited")), text("still open"));
            assertEquals("still open", client.read().text());
        }
    }

    @Test
    void tenPingsInARowGetTenPongsInOrder() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            byte[][] pings = new byte[10][];
            for (int i = 0; i < 10; i++) {
                pings[i] = ping(utf8("ping " + i));
            }
            client.send(concat(pings));
            for (int i = 0; i < 10; i++) {
                ServerFrame pong = client.read();
                assertEquals(0xA, pong.opcode());
                assertEquals("ping " + i, pong.text());
            }
        }
    }

    @Test
    void receivingFromTwoThreadsAtOnceIsRefused() throws Exception {
        BlockingQueue<Throwable> refused = new LinkedBlockingQueue<>();
        start(CONFIG, session -> {
            // the first to call blocks until the client acts, which it does only once the
            // other call was refused
            Runnable attempt = () -> {
                try {
                    session.receive();
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
            };
            Thread other = Thread.ofVirtual().start(attempt);
            attempt.run();
            other.join();
        });
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            Throwable e = refused.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(e != null && e.getMessage().contains("another thread is receiving"), String.valueOf(e));
            client.send(close(1000, ""));
            client.expectCloseThenEnd(1000);
        }
    }

    @Test
    void invalidTextWrittenToAStreamClosesTheSessionWith1011() throws Exception {
        BlockingQueue<Throwable> thrown = new LinkedBlockingQueue<>();
        start(CONFIG, session -> {
            try (OutputStream out = session.sendStream(dev.weft.http.websocket.MessageType.TEXT)) {
                out.write(utf8("fine so far"));
                out.write(bytes(0xC0, 0xAF));
            } catch (IOException e) {
                thrown.add(e);
            }
            session.receive();
        });
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            assertEquals(1011, client.readData().closeCode());
            assertTrue(thrown.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    instanceof java.nio.charset.MalformedInputException);
        }
    }

    @Test
    void aStreamedMessageCutByAProtocolErrorThrowsToItsReader() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        start(CONFIG, session -> {
            StreamedMessage message = session.receiveStream();
            try {
                message.payload().readAllBytes();
                seen.add("read to the end");
            } catch (IOException e) {
                seen.add(e);
            }
            seen.add(String.valueOf(session.receive()));
        });
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(frame(0x2, new byte[1000]), frame(FIN | 0x1, utf8("new message inside the first")));
            client.expectCloseThenEnd(1002);
        }
        assertTrue(seen.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS) instanceof IOException);
        assertEquals("null", seen.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void streamsLargeMessagesInAndOutWithoutHoldingThemWhole() throws Exception {
        WebSocketConfig config = CONFIG.toBuilder().maxMessageBytes(64L << 20).build();
        start(config, session -> {
            StreamedMessage message;
            while ((message = session.receiveStream()) != null) {
                try (OutputStream out = session.sendStream(message.type())) {
                    message.payload().transferTo(out);
                }
            }
        });
        byte[] payload = new byte[5 << 20];
        new Random(2).nextBytes(payload);
        try (RawClient client = RawClient.connect(server.port(), "/stream")) {
            Thread.ofVirtual().start(() -> {
                try {
                    client.send(fragmented(0x2, payload, 100_000));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            List<ServerFrame> frames = client.readMessageFrames();
            assertTrue(frames.size() > 1, "sent in fragments");
            assertEquals(0x2, frames.get(0).opcode());
            assertTrue(frames.stream().skip(1).allMatch(f -> f.opcode() == 0x0), "continuations");
            assertTrue(frames.stream().limit(frames.size() - 1).noneMatch(ServerFrame::fin), "FIN only on the last");
            assertArrayEquals(payload, ServerFrame.join(frames));
        }
    }

    // ---- closing ----------------------------------------------------------------------------

    @Test
    void thePeersCloseIsEchoedWithItsCodeAndTheConnectionClosed() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("last words"), close(1000, "bye"));
            assertEquals("last words", client.read().text());
            assertEquals("", client.expectCloseThenEnd(1000).closeReason());
        }
        assertEquals(new CloseStatus(1000, "bye"), endedWith());
    }

    @Test
    void aCloseWithoutCodeIsAnsweredWithoutCode() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(closeWithoutCode());
            assertEquals(0, client.expectCloseThenEnd(1005).payload().length);
        }
        assertEquals(CloseStatus.NO_STATUS_1005, endedWith());
    }

    @Test
    void anEndpointClosingSendsItsCodeAfterItsMessagesAndWaitsForThePeer() throws Exception {
        start(CONFIG, session -> {
            session.receive();
            session.sendText("one");
            session.sendText("two");
            session.close(4000, "done");
            assertFalse(session.sendText("three"), "nothing is sent after the close");
            assertEquals(null, session.receive());
            ended.add(session.closeStatus());
        });
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("go"));
            assertEquals("one", client.read().text());
            assertEquals("two", client.read().text());
            ServerFrame close = client.read();
            assertEquals(4000, close.closeCode());
            assertEquals("done", close.closeReason());
            client.send(text("dropped: sent after the server's close"), close(4000, ""));
            client.expectEnd();
        }
        assertEquals(new CloseStatus(4000, "done"), endedWith());
    }

    @Test
    void anEndpointThatReturnsClosesWith1000() throws Exception {
        start(CONFIG, session -> session.sendText("bye"));
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            assertEquals("bye", client.read().text());
            assertEquals(1000, client.read().closeCode());
            client.send(close(1000, ""));
            client.expectEnd();
        }
    }

    @Test
    void anEndpointThatThrowsClosesWith1011() throws Exception {
        start(CONFIG, session -> {
            throw new IllegalStateException("endpoint bug (expected by the test)");
        });
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            assertEquals(1011, client.read().closeCode());
            client.send(close(1011, ""));
            client.expectEnd();
        }
        Poll.untilEqual("endpoint failures", 1, () -> server.metrics().endpointFailures());
    }

    @Test
    void aStoppingServerClosesEveryLiveSessionWith1001AndLeavesNoThreadBehind() throws Exception {
        start(CONFIG, echo);
        try (RawClient first = RawClient.connect(server.port(), "/echo");
             RawClient second = RawClient.connect(server.port(), "/echo")) {
            first.send(text("a"));
            second.send(text("b"));
            assertEquals("a", first.read().text());
            assertEquals("b", second.read().text());
            assertEquals(2, server.metrics().live());
            Thread stopping = Thread.ofVirtual().start(() -> server.server().stop(Duration.ofSeconds(10)));
            for (RawClient client : List.of(first, second)) {
                ServerFrame close = client.read();
                assertEquals(1001, close.closeCode());
                assertEquals("server stopping", close.closeReason());
                client.send(close(1001, ""));
                client.expectEnd();
            }
            assertTrue(stopping.join(RawClient.TIMEOUT), "the server stopped once its sessions had closed");
        }
        assertEquals(0, server.metrics().live());
        assertEquals(0, server.server().metrics().threads(), "no thread of the server (timer included) is left");
    }

    @Test
    void aPeerThatNeverAnswersTheCloseIsCutAfterTheCloseTimeout() throws Exception {
        start(CONFIG.toBuilder().closeTimeout(Duration.ofMillis(200)).build(), session -> session.close(1001, "leaving"));
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            assertEquals(1001, client.read().closeCode());
            client.expectEnd();
        }
        Poll.untilEqual("close timeouts", 1, () -> server.metrics().closeTimeouts());
    }

    @Test
    void aPeerThatDropsTheConnectionEndsTheSessionWith1006() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("hi"));
            assertEquals("hi", client.read().text());
        }
        assertEquals(1006, endedWith().code());
        Poll.untilEqual("live sessions", 0, () -> server.metrics().live());
    }

    // ---- protocol errors ----------------------------------------------------------------------

    static Stream<Arguments> protocolErrors() {
        return Stream.of(
                Arguments.of("unmasked frame", frame(FIN | 0x1, utf8("hi"), 7, false), 1002),
                Arguments.of("reserved opcode", frame(FIN | 0x3, new byte[0]), 1002),
                Arguments.of("reserved control opcode", frame(FIN | 0xB, new byte[0]), 1002),
                Arguments.of("RSV1 without extension", frame(FIN | RSV1 | 0x1, utf8("hi")), 1002),
                Arguments.of("RSV2", frame(FIN | 0x20 | 0x2, bytes(1)), 1002),
                Arguments.of("RSV3 on a ping", frame(FIN | 0x10 | 0x9, bytes(1)), 1002),
                Arguments.of("fragmented ping", frame(0x9, bytes(1)), 1002),
                Arguments.of("ping over 125 bytes", ping(new byte[126]), 1002),
                Arguments.of("continuation without start", frame(FIN, utf8("x")), 1002),
                Arguments.of("new message inside a fragmented one", concat(frame(0x1, utf8("a")), text("b")), 1002),
                Arguments.of("non-minimal 16-bit length", frame(FIN | 0x2, new byte[3], 16, true), 1002),
                Arguments.of("non-minimal 64-bit length", frame(FIN | 0x2, new byte[300], 64, true), 1002),
                Arguments.of("64-bit length with top bit", header64(FIN | 0x2, Long.MIN_VALUE), 1002),
                Arguments.of("close with 1-byte payload", frame(FIN | 0x8, bytes(3)), 1002),
                Arguments.of("close code 999", close(999, ""), 1002),
                Arguments.of("close code 1005", close(1005, ""), 1002),
                Arguments.of("close code 1015", close(1015, ""), 1002),
                Arguments.of("close code 2000", close(2000, ""), 1002),
                Arguments.of("close code 5000", close(5000, ""), 1002),
                Arguments.of("close reason not UTF-8", frame(FIN | 0x8, bytes(3, 0xE8, 0xED, 0xA0, 0x80)), 1007),
                Arguments.of("text not UTF-8", frame(FIN | 0x1, bytes(0xCE, 0xBA, 0xED, 0xA0, 0x80)), 1007),
                Arguments.of("text ending inside a character", frame(FIN | 0x1, bytes(0xE2, 0x82)), 1007),
                Arguments.of("frame over the limit", header64(FIN | 0x2, 1L << 32), 1009),
                Arguments.of("message over the limit", concat(frame(0x2, new byte[60_000]), frame(FIN, new byte[60_000])),
                        1009));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolErrors")
    void everyProtocolErrorIsAnsweredWithItsCloseCode(String name, byte[] bad, int code) throws Exception {
        start(CONFIG.toBuilder().maxMessageAndFrameBytes(100_000).build(), echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("fine"), bad);
            assertEquals("fine", client.read().text());
            client.expectCloseThenEnd(code);
        }
        assertEquals(code, endedWith().code());
        Poll.untilEqual("protocol failures", 1, () -> server.metrics().protocolFailures());
    }

    @Test
    void invalidUtf8FailsTheSessionBeforeTheRestOfTheMessageArrives() throws Exception {
        start(CONFIG, echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            byte[] frame = frame(FIN | 0x1, concat(utf8("valid so far "), bytes(0xF4, 0x90), new byte[10_000]));
            client.send(Arrays.copyOf(frame, 30));
            ServerFrame close = client.read();
            assertEquals(1007, close.closeCode());
        }
    }

    // ---- limits and timeouts ------------------------------------------------------------------

    @Test
    void anIdlePeerIsPingedAndClosedWith1001WhenNoPongComes() throws Exception {
        start(CONFIG.toBuilder().keepAlive(Duration.ofMillis(100), Duration.ofMillis(200)).build(), echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            assertEquals(0x9, client.read().opcode());
            ServerFrame close = client.read();
            assertEquals(1001, close.closeCode());
            assertTrue(close.closeReason().contains("pong"), close.closeReason());
        }
        Poll.untilEqual("pong timeouts", 1, () -> server.metrics().pongTimeouts());
    }

    @Test
    void aPeerThatAnswersPingsStaysOpen() throws Exception {
        // The pings go on for longer than the idle timeout: answering them is what keeps the
        // session open. Deadlines are generous so a loaded machine cannot miss them.
        start(CONFIG.toBuilder().keepAlive(Duration.ofMillis(50), Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(1)).build(), echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            for (int i = 0; i < 10 || System.nanoTime() - until < 0; i++) {
                ServerFrame ping = client.read();
                assertEquals(0x9, ping.opcode(), "ping " + i);
                client.send(pong(ping.payload()));
            }
            client.send(text("alive"));
            assertEquals("alive", client.readData().text());
        }
        assertEquals(0, server.metrics().pongTimeouts() + server.metrics().idleTimeouts());
    }

    @Test
    void theNextPingComesOneIntervalAfterThePongNotAtThePongDeadline() throws Exception {
        // Pong deadline and idle timeout far beyond the client's read timeout: a session that
        // waited for either before its next ping would fail the second read.
        start(CONFIG.toBuilder().keepAlive(Duration.ofMillis(50), Duration.ofHours(1))
                .idleTimeout(Duration.ofHours(1)).build(), echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            for (int i = 0; i < 3; i++) {
                ServerFrame ping = client.read();
                assertEquals(0x9, ping.opcode(), "ping " + i);
                client.send(pong(ping.payload()));
            }
        }
        assertEquals(0, server.metrics().pongTimeouts() + server.metrics().idleTimeouts());
    }

    @Test
    void aSilentPeerIsClosedWith1001AfterTheIdleTimeout() throws Exception {
        start(CONFIG.toBuilder().noKeepAlive().idleTimeout(Duration.ofMillis(200)).build(), echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            ServerFrame close = client.read();
            assertEquals(1001, close.closeCode());
            assertTrue(close.closeReason().startsWith("idle"), close.closeReason());
            client.send(close(1001, ""));
            client.expectEnd();
        }
        Poll.untilEqual("idle timeouts", 1, () -> server.metrics().idleTimeouts());
    }

    @Test
    void theOutboundQueueOverflowClosesWith1008AndIsCounted() throws Exception {
        BlockingQueue<Integer> queued = new LinkedBlockingQueue<>();
        WebSocketConfig config = CONFIG.toBuilder().outboundQueueBytes(256 * 1024).closeTimeout(Duration.ofSeconds(30))
                .build();
        start(config, session -> {
            byte[] chunk = new byte[64 * 1024];
            int sent = 0;
            while (session.sendBinary(chunk)) {
                sent++;
            }
            queued.add(sent);
            session.receive();
        });
        try (RawClient client = RawClient.connect(server.port(), "/flood")) {
            Integer sent = queued.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(sent != null && sent > 0, "the endpoint's sends were refused once the queue was full");
            Poll.untilEqual("slow peers", 1, () -> server.metrics().slowPeers());
            ServerFrame frame;
            int received = 0;
            while (!(frame = client.read()).isClose()) {
                received++;
            }
            assertEquals(1008, frame.closeCode());
            assertTrue(received < sent, "queued messages were dropped: " + received + " of " + sent);
            client.send(close(1008, ""));
            client.expectEnd();
        }
    }

    @Test
    void aClientThatNeverReadsDoesNotStallAnotherSessionsSends() throws Exception {
        BlockingQueue<dev.weft.http.websocket.WebSocketSession> sessions = new LinkedBlockingQueue<>();
        WebSocketConfig config = CONFIG.toBuilder().outboundQueueBytes(256 * 1024).build();
        start(config, session -> {
            sessions.add(session);
            while (session.receive() != null) {
                // the broadcaster below does the sending
            }
        });
        try (RawClient stuck = RawClient.connect(server.port(), "/room");
             RawClient reader = RawClient.connect(server.port(), "/room")) {
            var a = sessions.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var b = sessions.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var stuckSession = a.request().remoteAddress().getPort() == stuck.socket().getLocalPort() ? a : b;
            var readerSession = stuckSession == a ? b : a;
            java.util.concurrent.Semaphore delivered = new java.util.concurrent.Semaphore(0);
            byte[] message = new byte[16 * 1024];
            int rounds = 2_000;
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        if (reader.read().opcode() == 0x2) {
                            delivered.release();
                        }
                    }
                } catch (IOException e) {
                    // the test ended and closed the client
                }
            });
            // each round goes to both sessions; the next waits until the reading client has the last
            int refused = 0;
            for (int i = 0; i < rounds; i++) {
                refused += stuckSession.sendBinary(message) ? 0 : 1;
                assertTrue(readerSession.sendBinary(message), "the reading session keeps up");
                assertTrue(delivered.tryAcquire(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                        "message " + i + " reached the reading client");
            }
            assertTrue(refused > 0, "the session that never reads overflowed");
            assertEquals(1, server.metrics().slowPeers());
            assertTrue(readerSession.isOpen());
        }
    }

    // ---- permessage-deflate -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void permessageDeflateRoundTripsWithAndWithoutContextTakeover(boolean takeover) throws Exception {
        start(CONFIG.toBuilder().permessageDeflate(true).build(), echo);
        String offer = takeover ? "permessage-deflate; client_max_window_bits"
                : "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
        try (RawClient client = RawClient.connect(server.port(), "/echo", "Sec-WebSocket-Extensions: " + offer);
             ClientDeflate deflate = new ClientDeflate(takeover)) {
            assertEquals(takeover ? "permessage-deflate"
                            : "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                    client.responseHeader("Sec-WebSocket-Extensions"));
            for (int i = 0; i < 5; i++) {
                String message = ("message " + i + ": the same words again and again; ").repeat(10);
                client.send(frame(FIN | RSV1 | 0x1, deflate.compress(utf8(message))));
                ServerFrame echoed = client.read();
                assertTrue(echoed.rsv1(), "compressed");
                assertTrue(echoed.payload().length < message.length() / 3);
                if (!takeover) {
                    deflate.resetInflater();
                }
                assertEquals(message, new String(deflate.decompress(echoed.payload()), java.nio.charset.StandardCharsets.UTF_8));
            }
            client.send(text("short"));
            ServerFrame small = client.read();
            assertFalse(small.rsv1(), "too short to be worth compressing");
            assertEquals("short", small.text());
        }
    }

    @Test
    void aDeflateBombIsRefusedWith1009() throws Exception {
        start(CONFIG.toBuilder().permessageDeflate(true).build(), echo);
        try (RawClient client = RawClient.connect(server.port(), "/echo", "Sec-WebSocket-Extensions: permessage-deflate");
             ClientDeflate deflate = new ClientDeflate(true)) {
            client.send(frame(FIN | RSV1 | 0x2, deflate.compress(new byte[64 << 20])));
            client.expectCloseThenEnd(1009);
        }
        Poll.untilEqual("protocol failures", 1, () -> server.metrics().protocolFailures());
    }

    // ---- the handshake over a socket ----------------------------------------------------------

    @Test
    void anotherVersionIsAnswered426WithTheVersionSpoken() throws Exception {
        start(CONFIG, echo);
        String request = "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + RawClient.KEY + "\r\nSec-WebSocket-Version: 8\r\n\r\n";
        try (RawClient client = RawClient.send(server.port(), request)) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 426 "), client.responseHead());
            assertEquals("13", client.responseHeader("Sec-WebSocket-Version"));
        }
    }

    @Test
    void aPageOfAnotherOriginIsAnswered403() throws Exception {
        start(WebSocketConfig.DEFAULTS, echo);
        try (RawClient client = RawClient.open(server.port(), "/echo", "Origin: http://evil.example")) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 403 "), client.responseHead());
        }
        try (RawClient client = RawClient.open(server.port(), "/echo", "Origin: http://127.0.0.1:" + server.port())) {
            assertTrue(client.responseHead().startsWith("HTTP/1.1 101 "), client.responseHead());
        }
    }

    @Test
    void framesSentRightBehindTheHandshakeAreRead() throws Exception {
        start(CONFIG, echo);
        String request = "GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + RawClient.KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        byte[] both = concat(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), text("eager"));
        try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) RawClient.TIMEOUT.toMillis());
            socket.getOutputStream().write(both);
            var in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 101 "));
            assertEquals("eager", ServerFrame.read(in).text());
        }
    }
}
