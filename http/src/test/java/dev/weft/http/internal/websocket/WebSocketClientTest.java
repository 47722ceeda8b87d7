package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.bytes;
import static dev.weft.http.internal.websocket.ClientFrames.close;
import static dev.weft.http.internal.websocket.ClientFrames.text;
import static dev.weft.http.internal.websocket.ClientFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.testing.Poll;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session seen as a registry client: what a line protocol sends arrives as one text message per line. */
class WebSocketClientTest {

    private static final WebSocketConfig ANY_ORIGIN = WebSocketConfig.builder().origins(OriginPolicy.any()).build();

    private TestWebSocketServer server;

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
    void aSessionJoinsTheRegistryWhenItAsksAndLeavesWhenItEnds() throws Exception {
        ClientRegistry registry = ClientRegistry.create();
        BlockingQueue<Client> clients = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> refusedBadText = new LinkedBlockingQueue<>();
        server = new TestWebSocketServer(ANY_ORIGIN, session -> {
            Client client = session.client();
            assertSame(client, session.client(), "one client per session");
            refusedBadText.add(!client.send(bytes(0xC0, 0xAF, '\n')));
            clients.add(client);
            while (session.receive() != null) {
                client.send(utf8("* you said something\n"));
            }
        }, registry);
        try (RawClient raw = RawClient.connect(server.port(), "/chat")) {
            Client client = clients.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Boolean.TRUE, refusedBadText.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals("websocket", client.protocol());
            assertSame(client, registry.find(client.id()).orElseThrow());
            assertEquals(raw.socket().getLocalPort(), client.remoteAddress().getPort());
            assertTrue(client.isOpen());
            assertTrue(client.send(utf8("alice: hello κόσμε\n")));
            assertEquals("alice: hello κόσμε", raw.read().text());
            assertEquals(1, registry.broadcast(utf8("to everyone\r\n"), c -> true));
            assertEquals("to everyone", raw.read().text());
            raw.send(text("/who"));
            assertEquals("* you said something", raw.read().text());
            client.close();
            assertEquals(1000, raw.read().closeCode());
            assertFalse(client.isOpen());
            assertFalse(client.send(utf8("too late\n")));
            raw.send(close(1000, ""));
            raw.expectEnd();
        }
        Poll.untilEqual("registry size", 0, registry::size);
    }

    @Test
    void aSessionThatNeverAsksIsNoRegistryClientAndOneThatAsksTooLateLeavesNoEntry() throws Exception {
        ClientRegistry registry = ClientRegistry.create();
        BlockingQueue<Integer> sizes = new LinkedBlockingQueue<>();
        server = new TestWebSocketServer(ANY_ORIGIN, session -> {
            sizes.add(registry.size());
            while (session.receive() != null) {
                // until the peer closes
            }
            Client late = session.client();
            assertFalse(late.isOpen());
            sizes.add(registry.size());
        }, registry);
        try (RawClient raw = RawClient.connect(server.port(), "/echo")) {
            assertEquals(0, sizes.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            raw.send(close(1000, ""));
            raw.expectCloseThenEnd(1000);
            assertEquals(0, sizes.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        Poll.untilEqual("live sessions", 0L, () -> server.metrics().live());
        assertEquals(0, registry.size());
    }

    @Test
    void aRegistryClientThatCannotKeepUpIsClosedWith1008AndCountedInTheRegistryToo() throws Exception {
        ClientRegistry registry = ClientRegistry.create();
        BlockingQueue<Client> clients = new LinkedBlockingQueue<>();
        WebSocketConfig small = ANY_ORIGIN.toBuilder().outboundQueueBytes(64 * 1024).build();
        server = new TestWebSocketServer(small, session -> {
            clients.add(session.client());
            while (session.receive() != null) {
                // the test broadcasts
            }
        }, registry);
        try (RawClient raw = RawClient.connect(server.port(), "/chat")) {
            Client client = clients.poll(RawClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            byte[] line = utf8("x".repeat(16 * 1024) + "\n");
            int queued = 0;
            while (registry.broadcast(line, c -> true) == 1) {
                queued++;
            }
            assertTrue(queued > 0, "lines were queued before the overflow: " + queued);
            assertFalse(client.isOpen());
            assertEquals(1, registry.slowClientsDisconnected());
            assertEquals(1, server.metrics().slowPeers());
            ServerFrame frame;
            while (!(frame = raw.read()).isClose()) {
                // what was written before the overflow
            }
            assertEquals(1008, frame.closeCode());
        }
        Poll.untilEqual("registry size", 0, registry::size);
    }
}
