package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat component with its UDP relay: TCP clients and UDP peers share rooms, both ways. */
@ExtendWith(PinningRecorder.class)
class ChatWithUdpRelayTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private ChatComponent chat;
    private TcpServer tcp;
    private UdpServer udp;

    @BeforeEach
    void start() throws Exception {
        chat = DaggerChatComponent.factory().create(TcpServerConfig.loopback(0),
                ChatConfig.DEFAULTS, RoomsConfig.DEFAULTS, UdpServerConfig.loopback(0), RelayConfig.DEFAULTS,
                HttpServerConfig.loopback(0), Optional.empty());
        tcp = servers.start(chat.server());
        udp = servers.start(chat.udpServer());
    }

    /** A TCP client named bob, in the lobby. */
    private ChatClient bob() throws Exception {
        ChatClient bob = new ChatClient(tcp.port());
        bob.readUntil("* welcome");
        bob.say("/nick bob");
        bob.readUntil("* you are now bob");
        return bob;
    }

    /** A UDP peer named ann, joined to the lobby. */
    private UdpPeer ann() throws Exception {
        UdpPeer ann = new UdpPeer(udp.localAddress());
        ann.send("JOIN lobby ann");
        assertEquals("OK joined lobby as ann", ann.read());
        return ann;
    }

    @Test
    void aTcpLineReachesUdpPeersOfTheRoomAndAUdpMessageReachesTcpClients() throws Exception {
        try (ChatClient bob = bob(); UdpPeer ann = ann()) {
            assertEquals("* ann joined", bob.readUntil("* ann"));

            bob.say("hello udp ✓");
            assertEquals("bob: hello udp ✓", ann.readUntil("bob:"));

            ann.send("MSG hello tcp ✓");
            assertEquals("ann: hello tcp ✓", bob.readUntil("ann:"));
        }
    }

    @Test
    void joiningAnotherRoomStopsTheLinesOfTheFirst() throws Exception {
        try (ChatClient bob = bob(); UdpPeer ann = ann()) {
            bob.readUntil("* ann joined");

            bob.say("/join garden");
            assertEquals("* you are in garden", bob.readUntil("* you are in"));
            assertEquals("* bob left", ann.read());
            bob.say("only the garden hears this");
            bob.say("/who");
            assertEquals("* online: bob", bob.readUntil("* online"));

            ann.send("PING");
            assertEquals("PONG", ann.read()); // bob's line, handled before /who, never reached the lobby
        }
    }

    @Test
    void aTcpClientCannotTakeTheNicknameOfAUdpPeerNorTheOtherWayRound() throws Exception {
        try (ChatClient bob = bob(); UdpPeer ann = ann(); UdpPeer other = new UdpPeer(udp.localAddress())) {
            bob.say("/nick ann");
            assertEquals("! nickname ann is taken", bob.readUntil("!"));

            other.send("JOIN lobby bob");
            assertEquals("ERR nickname bob is taken", other.read());
        }
    }

    @Test
    void theComponentBuildsEachServerOnceAndSharesTheRooms() {
        assertSame(tcp, chat.server());
        assertSame(udp, chat.udpServer());
        assertSame(chat.rooms(), chat.rooms());
    }

    /**
     * A TCP client and a UDP peer claim one nickname at the same moment, over and over: exactly
     * one gets it each time, whichever protocol's thread reaches the rooms first.
     */
    @Test
    void aTcpClientAndAUdpPeerRacingForOneNicknameNeverBothGetIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            String nickname = "dup" + round;
            try (ChatClient tcpClient = new ChatClient(tcp.port()); UdpPeer peer = new UdpPeer(udp.localAddress())) {
                tcpClient.readUntil("* welcome");
                CountDownLatch go = new CountDownLatch(1);
                Thread tcpSide = onSignal(go, () -> tcpClient.say("/nick " + nickname));
                Thread udpSide = onSignal(go, () -> peer.send("JOIN lobby " + nickname));

                go.countDown();

                assertTrue(tcpSide.join(Duration.ofSeconds(10)) && udpSide.join(Duration.ofSeconds(10)));
                String tcpAnswer = tcpClient.readUntilAnswer();
                String udpAnswer = peer.readUntil(line -> line.startsWith("OK") || line.startsWith("ERR"));
                boolean tcpWon = tcpAnswer.equals("* you are now " + nickname);
                boolean udpWon = udpAnswer.equals("OK joined lobby as " + nickname);
                assertTrue(tcpWon != udpWon, "round " + round + ": " + tcpAnswer + " / " + udpAnswer);
                assertEquals(tcpWon ? "ERR nickname " + nickname + " is taken" : "OK joined lobby as " + nickname, udpAnswer);
                assertEquals(tcpWon ? "* you are now " + nickname : "! nickname " + nickname + " is taken", tcpAnswer);
                assertEquals(1, chat.rooms().who("lobby").stream().filter(nickname::equals).count());
            }
        }
    }

    /** Something a test client does that may fail with an {@link IOException}. */
    @FunctionalInterface
    private interface ClientAction {
        void run() throws IOException;
    }

    /** A virtual thread that does {@code action} once {@code go} opens. */
    private static Thread onSignal(CountDownLatch go, ClientAction action) {
        return Thread.ofVirtual().start(() -> {
            try {
                assertTrue(go.await(10, TimeUnit.SECONDS));
                action.run();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }
}
