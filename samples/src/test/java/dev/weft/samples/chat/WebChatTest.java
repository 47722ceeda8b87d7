package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.WebSocketTestClient;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web chat: a WebSocket session at {@code /ws/chat} speaks the TCP chat's line protocol in
 * the same rooms as TCP clients and UDP peers, under nicknames unique across the three.
 */
@ExtendWith(PinningRecorder.class)
class WebChatTest {

    private ChatComponent chat;
    private TcpServer tcp;
    private UdpServer udp;
    private HttpServer http;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @BeforeEach
    void start() throws Exception {
        chat = DaggerChatComponent.factory().create(TcpServerConfig.loopback(0),
                ChatConfig.DEFAULTS, RoomsConfig.DEFAULTS, UdpServerConfig.loopback(0), RelayConfig.DEFAULTS,
                HttpServerConfig.loopback(0), Optional.empty());
        tcp = servers.start(chat.server());
        udp = servers.start(chat.udpServer());
        http = servers.start(chat.httpServer());
    }

    private URI webChat() {
        return URI.create("ws://127.0.0.1:" + http.port() + "/ws/chat");
    }

    /** A web chat session, past its welcome, renamed {@code nickname}. */
    private WebSocketTestClient web(String nickname) throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(webChat());
        client.nextTextStartingWith("* welcome, guest-");
        client.sendText("/nick " + nickname);
        assertEquals("* you are now " + nickname, client.nextTextStartingWith("* you"));
        return client;
    }

    @Test
    void aBrowserSessionAnNcClientAndAUdpPeerTalkInOneRoom() throws Exception {
        try (WebSocketTestClient carol = web("carol");
             ChatClient bob = ChatClient.named(tcp.port(), "bob");
             UdpPeer ann = new UdpPeer(udp.localAddress())) {
            ann.send("JOIN lobby ann");
            assertEquals("OK joined lobby as ann", ann.read());
            assertEquals("* ann joined", carol.nextTextStartingWith("* ann"));

            carol.sendText("hello from the browser ✓");
            assertEquals("carol: hello from the browser ✓", bob.readUntil("carol:"));
            assertEquals("carol: hello from the browser ✓", ann.readUntil("carol:"));

            bob.say("hello from nc");
            assertEquals("bob: hello from nc", carol.nextTextStartingWith("bob:"));
            ann.send("MSG hello from udp");
            assertEquals("ann: hello from udp", carol.nextTextStartingWith("ann:"));

            carol.sendText("/who");
            assertEquals("* online: ann, bob, carol", carol.nextTextStartingWith("* online"));
        }
    }

    @Test
    void aSessionStartsAsAGuestInTheDefaultRoomAndItsLeavingIsAnnounced() throws Exception {
        try (ChatClient bob = ChatClient.named(tcp.port(), "bob")) {
            try (WebSocketTestClient guest = WebSocketTestClient.connect(webChat())) {
                String welcome = guest.nextText();
                assertTrue(welcome.matches("\\* welcome, guest-\\d+ \\(commands: .*\\)"), welcome);
                String nickname = welcome.substring("* welcome, ".length(), welcome.indexOf(' ', "* welcome, ".length()));
                assertEquals("* " + nickname + " joined", bob.readUntil("* guest-"));
                bob.say("hi guest");
                assertEquals("bob: hi guest", guest.nextTextStartingWith("bob:"));
                assertEquals(1000, guest.closeNormally().code());
                assertEquals("* " + nickname + " left", bob.readUntil("* " + nickname + " left"));
            }
            Poll.untilEqual("registry: bob only", 1, () -> chat.registry().size());
        }
    }

    @Test
    void nicknamesAreUniqueAcrossTcpUdpAndWebSocket() throws Exception {
        try (WebSocketTestClient carol = web("carol");
             ChatClient bob = ChatClient.named(tcp.port(), "bob");
             UdpPeer ann = new UdpPeer(udp.localAddress());
             UdpPeer other = new UdpPeer(udp.localAddress())) {
            ann.send("JOIN lobby ann");
            assertEquals("OK joined lobby as ann", ann.read());

            carol.sendText("/nick bob");
            assertEquals("! nickname bob is taken", carol.nextTextStartingWith("!"));
            carol.sendText("/nick ann");
            assertEquals("! nickname ann is taken", carol.nextTextStartingWith("!"));
            bob.say("/nick carol");
            assertEquals("! nickname carol is taken", bob.readUntil("!"));
            other.send("JOIN lobby carol");
            assertEquals("ERR nickname carol is taken", other.read());
        }
    }

    @Test
    void eachLineOfAMessageIsItsOwnLineSoNoneCanForgeAnother() throws Exception {
        try (WebSocketTestClient carol = web("carol"); ChatClient bob = ChatClient.named(tcp.port(), "bob")) {
            carol.sendText("first\n* admin joined\r\nthird");
            assertEquals("carol: first", bob.readChatLine());
            assertEquals("carol: * admin joined", bob.readChatLine());
            assertEquals("carol: third", bob.readChatLine());
        }
    }

    @Test
    void aLineOverTheLimitIsAnsweredAndTheSessionCarriesOn() throws Exception {
        try (WebSocketTestClient carol = web("carol")) {
            carol.sendText("x".repeat(ChatConfig.DEFAULTS.maxLineBytes() + 1));
            assertEquals("! line too long: the maximum is " + ChatConfig.DEFAULTS.maxLineBytes() + " bytes",
                    carol.nextTextStartingWith("!"));
            carol.sendText("/who");
            assertEquals("* online: carol", carol.nextTextStartingWith("* online"));
        }
    }

    @Test
    void quitSaysByeAndClosesWith1000AndABinaryMessageClosesWith1003() throws Exception {
        try (WebSocketTestClient carol = web("carol")) {
            carol.sendText("/quit");
            assertEquals("* bye", carol.nextText());
            assertEquals(new WebSocketTestClient.Closed(1000, ""), carol.next());
        }
        try (WebSocketTestClient dave = web("dave")) {
            dave.sendBinary(new byte[] {1, 2, 3});
            assertEquals(new WebSocketTestClient.Closed(1003, "text only"), dave.next());
        }
        Poll.untilEqual("registry", 0, () -> chat.registry().size());
    }

    @Test
    void thePageIsServedAtSlashChatAndSpeaksToTheSocketOfItsOwnServer() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(http.uri("/chat")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(page.body().contains("location.host + \"/ws/chat\""), "the page opens /ws/chat of its own server");
        }
    }

    @Test
    void aPageOfAnotherOriginCannotJoin() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> WebSocketTestClient.connect(webChat(), "Origin", "https://evil.example"));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(403, handshake.getResponse().statusCode());
    }
}
