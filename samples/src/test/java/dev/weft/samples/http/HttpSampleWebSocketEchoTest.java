package dev.weft.samples.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.WebSocketTestClient;
import java.net.URI;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /ws/echo} of the {@code http} sample, with the JDK's WebSocket client. */
class HttpSampleWebSocketEchoTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = servers.start(DaggerHttpSampleComponent.factory().create(HttpServerConfig.loopback(0), Optional.empty(),
                BundledPage.load(), Optional.empty()).server());
    }

    private URI echo() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws/echo");
    }

    @Test
    void everyMessageComesBackAsTheSameType() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(echo())) {
            client.sendText("hello, κόσμε");
            assertEquals("hello, κόσμε", client.nextText());
            client.sendBinary(new byte[] {0, 1, 2, (byte) 255});
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, client.nextBinary());
            client.sendText("");
            assertEquals("", client.nextText());
            assertEquals(1000, client.closeNormally().code());
        }
    }

    @Test
    void messagesOfSixteenMebibytesAreEchoedWhole() throws Exception {
        byte[] large = new byte[16 << 20];
        new Random(16).nextBytes(large);
        String text = "x".repeat(1 << 20);
        try (WebSocketTestClient client = WebSocketTestClient.connect(echo())) {
            client.sendBinary(large);
            assertArrayEquals(large, client.nextBinary());
            client.sendText(text);
            assertEquals(text, client.nextText());
        }
    }

    @Test
    void aPageOfAnyOriginMayConnect() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(echo(), "Origin", "https://elsewhere.example")) {
            client.sendText("from elsewhere");
            assertEquals("from elsewhere", client.nextText());
        }
    }
}
