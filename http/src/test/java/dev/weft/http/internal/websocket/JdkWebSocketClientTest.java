package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Request;
import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.testing.PinningRecorder;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDK's own WebSocket client ({@code java.net.http.WebSocket}) against the engine: the
 * handshake it sends (no {@code Origin}, no {@code Sec-WebSocket-Extensions}: it never offers
 * {@code permessage-deflate}), messages both ways, fragments, pings, and both closing
 * directions.
 */
@ExtendWith(PinningRecorder.class)
class JdkWebSocketClientTest {

    private static final long TIMEOUT_SECONDS = 10;

    private final BlockingQueue<Optional<CloseStatus>> ended = new LinkedBlockingQueue<>();
    private TestWebSocketServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        WebSocketEndpoint endpoint = session -> {
            Message message;
            while ((message = session.receive()) != null) {
                if (message instanceof Message.Text text && text.text().equals("close please")) {
                    session.close(4000, "as you wish");
                } else {
                    session.send(message);
                }
            }
            ended.add(session.closeStatus());
        };
        server = new TestWebSocketServer(WebSocketConfig.builder().subprotocols("chat.v1").permessageDeflate(true).build(),
                endpoint);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        server.close();
    }

    /** Collects whole messages (parts joined) and the close, as the JDK delivers them. */
    private static final class Collector implements WebSocket.Listener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                events.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                events.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            events.add("pong:" + java.nio.charset.StandardCharsets.UTF_8.decode(message));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new CloseStatus(statusCode, reason));
            return null;
        }

        Object next() throws InterruptedException {
            Object event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "nothing arrived");
            return event;
        }
    }

    private WebSocket connect(Collector collector) throws Exception {
        return http.newWebSocketBuilder().subprotocols("chat.v2", "chat.v1")
                .buildAsync(server.uri("/echo"), collector).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theJdkClientsHandshakeIsAcceptedAndItsSubprotocolSelected() throws Exception {
        WebSocket socket = connect(new Collector());
        assertEquals("chat.v1", socket.getSubprotocol());
        Request handshake = server.requests.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(handshake);
        assertEquals(Optional.of("13"), handshake.header("Sec-WebSocket-Version"));
        assertEquals(Optional.of("chat.v2, chat.v1"), handshake.header("Sec-WebSocket-Protocol"));
        assertFalse(handshake.headers().contains("Sec-WebSocket-Extensions"), "the JDK offers no extension");
        assertFalse(handshake.headers().contains("Origin"), "the JDK is no browser page");
        socket.abort();
    }

    @Test
    void textBinaryFragmentsAndPingsEchoThroughTheJdkClient() throws Exception {
        Collector collector = new Collector();
        WebSocket socket = connect(collector);
        socket.sendText("hello", true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("hello", collector.next());

        byte[] big = new byte[1 << 20];
        new Random(3).nextBytes(big);
        socket.sendBinary(ByteBuffer.wrap(big), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertArrayEquals(big, (byte[]) collector.next());

        socket.sendText("in ", false).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        socket.sendText("three ", false).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        socket.sendText("parts: κόσμε", true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("in three parts: κόσμε", collector.next());

        socket.sendPing(ByteBuffer.wrap("are you there".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("pong:are you there", collector.next());
        socket.abort();
    }

    @Test
    void aCloseFromTheJdkClientIsEchoed() throws Exception {
        Collector collector = new Collector();
        WebSocket socket = connect(collector);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(new CloseStatus(1000, ""), collector.next());
        assertEquals(Optional.of(new CloseStatus(1000, "bye")), ended.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(socket.isInputClosed());
    }

    @Test
    void aCloseFromTheServerReachesTheJdkClientWhichAnswersIt() throws Exception {
        Collector collector = new Collector();
        WebSocket socket = connect(collector);
        socket.sendText("close please", true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(new CloseStatus(4000, "as you wish"), collector.next());
        assertEquals(Optional.of(new CloseStatus(4000, "as you wish")), ended.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(socket.isInputClosed());
    }
}
