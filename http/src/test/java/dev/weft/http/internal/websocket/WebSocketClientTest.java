package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.bytes;
import static dev.weft.http.internal.websocket.ClientFrames.close;
import static dev.weft.http.internal.websocket.ClientFrames.text;
import static dev.weft.http.internal.websocket.ClientFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Client;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session seen as a registry client: what a line protocol sends arrives as one text message per line. */
class WebSocketClientTest {

    private HandshakeResponder server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneLineEndingIsDroppedAndNothingElse() {
        assertArrayEquals(utf8("line"), WebSocketClient.withoutLineEnding(utf8("line\n")));
        assertArrayEquals(utf8("line"), WebSocketClient.withoutLineEnding(utf8("line\r\n")));
        assertArrayEquals(utf8("line\n"), WebSocketClient.withoutLineEnding(utf8("line\n\n")));
        assertArrayEquals(utf8("line"), WebSocketClient.withoutLineEnding(utf8("line")));
        assertArrayEquals(utf8(""), WebSocketClient.withoutLineEnding(utf8("\n")));
    }

    @Test
    void linesSentToTheClientArriveAsTextMessagesAndBadTextIsRefused() throws Exception {
        BlockingQueue<Client> clients = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> refusedBadText = new LinkedBlockingQueue<>();
        server = new HandshakeResponder(WebSocketConfig.builder().origins(OriginPolicy.any()).build(), session -> {
            WebSocketClient client = new WebSocketClient(42, (WebSocketConnection) session);
            refusedBadText.add(!client.send(bytes(0xC0, 0xAF, '\n')));
            clients.add(client);
            while (session.receive() != null) {
                client.send(utf8("* you said something\n"));
            }
        });
        try (RawClient raw = RawClient.connect(server.port(), "/chat")) {
            Client client = clients.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Boolean.TRUE, refusedBadText.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals("websocket", client.protocol());
            assertEquals(42, client.id());
            assertEquals(raw.socket().getLocalPort(), client.remoteAddress().getPort());
            assertTrue(client.isOpen());
            assertTrue(client.send(utf8("alice: hello κόσμε\n")));
            assertEquals("alice: hello κόσμε", raw.read().text());
            raw.send(text("/who"));
            assertEquals("* you said something", raw.read().text());
            client.close();
            assertEquals(1000, raw.read().closeCode());
            assertFalse(client.isOpen());
            assertFalse(client.send(utf8("too late\n")));
            raw.send(close(1000, ""));
            raw.expectEnd();
        }
    }
}
