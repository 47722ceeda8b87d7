package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Request;
import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.WebSocketTestClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
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
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private WebSocketTestClient connect() throws Exception {
        return WebSocketTestClient.connect(server.uri("/echo"), List.of("chat.v2", "chat.v1"));
    }

    @Test
    void theJdkClientsHandshakeIsAcceptedAndItsSubprotocolSelected() throws Exception {
        try (WebSocketTestClient client = connect()) {
            assertEquals("chat.v1", client.subprotocol());
            Request handshake = server.requests.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(handshake);
            assertEquals(Optional.of("13"), handshake.header("Sec-WebSocket-Version"));
            assertEquals(Optional.of("chat.v2, chat.v1"), handshake.header("Sec-WebSocket-Protocol"));
            assertFalse(handshake.headers().contains("Sec-WebSocket-Extensions"), "the JDK offers no extension");
            assertFalse(handshake.headers().contains("Origin"), "the JDK is no browser page");
        }
    }

    @Test
    void textBinaryFragmentsAndPingsEchoThroughTheJdkClient() throws Exception {
        try (WebSocketTestClient client = connect()) {
            client.sendText("hello");
            assertEquals("hello", client.nextText());

            byte[] big = new byte[1 << 20];
            new Random(3).nextBytes(big);
            client.sendBinary(big);
            assertArrayEquals(big, client.nextBinary());

            WebSocket socket = client.webSocket();
            socket.sendText("in ", false).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            socket.sendText("three ", false).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            socket.sendText("parts: κόσμε", true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("in three parts: κόσμε", client.nextText());

            byte[] ping = "are you there".getBytes(StandardCharsets.UTF_8);
            socket.sendPing(ByteBuffer.wrap(ping)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertArrayEquals(ping, assertInstanceOf(WebSocketTestClient.Pong.class, client.next()).data());
        }
    }

    @Test
    void aCloseFromTheJdkClientIsEchoed() throws Exception {
        try (WebSocketTestClient client = connect()) {
            client.webSocket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(new WebSocketTestClient.Closed(1000, ""), client.next());
            assertEquals(Optional.of(new CloseStatus(1000, "bye")), ended.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertTrue(client.webSocket().isInputClosed());
        }
    }

    @Test
    void aCloseFromTheServerReachesTheJdkClientWhichAnswersIt() throws Exception {
        try (WebSocketTestClient client = connect()) {
            client.sendText("close please");
            assertEquals(new WebSocketTestClient.Closed(4000, "as you wish"), client.next());
            assertEquals(Optional.of(new CloseStatus(4000, "as you wish")), ended.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertTrue(client.webSocket().isInputClosed());
        }
    }
}
