package dev.weft.udp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.JoinResult;
import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.Member;
import dev.weft.core.rooms.RoomRefusal;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A TCP line chat and the UDP relay on one registry and one set of rooms share the rooms, both ways. */
@ExtendWith(PinningRecorder.class)
class CrossProtocolChatTest {

    private final ClientRegistry registry = ClientRegistry.create();
    private final ChatRooms rooms = new ChatRooms(RoomsConfig.DEFAULTS);
    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private TcpServer tcp;
    private UdpServer udp;

    /**
     * The shape of a TCP chat on the rooms service: everyone enters the lobby as {@code tcp<id>},
     * each line is said to the room, {@code /nick NAME} renames and is answered {@code nick
     * NAME} or {@code ! <reason>}.
     */
    private ConnectionHandler tcpChat() {
        return connection -> {
            Client me = connection.client();
            String nickname = "tcp" + connection.id();
            assertInstanceOf(JoinResult.Joined.class, rooms.enter(me, nickname));
            me.send(("welcome " + nickname + "\n").getBytes(UTF_8));
            BufferedInput in = new BufferedInput(connection);
            try {
                for (String line; (line = in.readLine(1_024)) != null; ) {
                    if (line.startsWith("/nick ")) {
                        String answer = switch (rooms.rename(me, line.substring("/nick ".length()))) {
                            case JoinResult.Joined joined -> "nick " + joined.member().nickname();
                            case JoinResult.AlreadyJoined again -> "nick " + again.member().nickname();
                            case RoomRefusal refusal -> "! " + refusal.message();
                        };
                        me.send((answer + "\n").getBytes(UTF_8));
                    } else {
                        rooms.say(me, line);
                    }
                }
            } finally {
                rooms.leave(me, LeaveReason.LEFT);
            }
        };
    }

    @BeforeEach
    void start() {
        tcp = servers.start(new TcpServer(TcpServerConfig.loopback(0), tcpChat(), registry));
        udp = servers.start(new UdpServer(UdpServerConfig.loopback(0),
                new UdpRelay(RelayConfig.DEFAULTS, rooms, registry)));
    }

    private TestPeer udpPeer(String room, String nickname) {
        TestPeer peer = servers.closeAfterwards(new TestPeer(udp.localAddress()));
        assertEquals("OK joined " + room + " as " + nickname, peer.request("JOIN " + room + " " + nickname));
        return peer;
    }

    /** A TCP chat client, welcomed; its socket is closed after the test. */
    private final class TcpChatter {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;
        final String nickname;

        TcpChatter() throws IOException {
            socket = servers.closeAfterwards(new Socket(tcp.localAddress().getAddress(), tcp.port()));
            socket.setSoTimeout((int) TestPeer.TIMEOUT.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            out = socket.getOutputStream();
            nickname = in.readLine().substring("welcome ".length());
        }

        void say(String line) throws IOException {
            out.write((line + "\n").getBytes(UTF_8));
            out.flush();
        }

        /** The next line that is not a room notice. */
        String readSkippingNotices() throws IOException {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("* ")) {
                    return line;
                }
            }
            throw new IOException("connection closed");
        }
    }

    @Test
    void linesFlowFromTcpToUdpAndFromUdpToTcpWithinTheRoom() throws IOException {
        TestPeer ann = udpPeer("lobby", "ann");
        TestPeer elsewhere = udpPeer("kitchen", "cook");
        TcpChatter tcpClient = new TcpChatter();
        assertEquals("* " + tcpClient.nickname + " joined", ann.receive());

        tcpClient.say("hello from tcp ✓");
        assertEquals(tcpClient.nickname + ": hello from tcp ✓", ann.receive());

        ann.send("MSG hello from udp ✓");
        assertEquals("ann: hello from udp ✓", tcpClient.in.readLine());

        assertEquals("PONG", elsewhere.request("PING")); // the kitchen heard nothing
    }

    @Test
    void tcpClientsHearUdpPeersJoinAndLeave() throws IOException {
        TcpChatter tcpClient = new TcpChatter(); // in the lobby from now on

        TestPeer bob = udpPeer("lobby", "bob");
        assertEquals("* bob joined", tcpClient.in.readLine());
        assertEquals("OK left lobby", bob.request("LEAVE"));
        assertEquals("* bob left", tcpClient.in.readLine());
    }

    @Test
    void aNicknameHeldByATcpClientIsTakenForUdpPeersAndTheOtherWayRound() throws IOException {
        TcpChatter tcpClient = new TcpChatter();
        TestPeer peer = servers.closeAfterwards(new TestPeer(udp.localAddress()));

        assertEquals("ERR nickname " + tcpClient.nickname + " is taken", peer.request("JOIN lobby " + tcpClient.nickname));
        udpPeer("lobby", "ann");
        tcpClient.say("/nick ann");
        assertEquals("! nickname ann is taken", tcpClient.readSkippingNotices());
    }

    /**
     * A TCP client and a UDP peer claim one nickname at the same moment, many times over: the
     * TCP connection's thread and the UDP receive loop race into the rooms. Exactly one of them
     * gets it each time, and the room has it once. (Before the rooms service, each protocol
     * checked the other's clients and then claimed the name in its own table, so both could win.)
     */
    @Test
    void aTcpClientAndAUdpPeerRacingForOneNicknameNeverBothGetIt() throws Exception {
        for (int round = 0; round < 40; round++) {
            String nickname = "dup" + round;
            TcpChatter tcpClient = new TcpChatter();
            TestPeer peer = servers.closeAfterwards(new TestPeer(udp.localAddress()));
            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<String> udpAnswer = new AtomicReference<>();
            Thread udpSide = Thread.ofVirtual().start(() -> {
                awaitQuietly(go);
                udpAnswer.set(peer.request("JOIN lobby " + nickname));
            });
            Thread tcpSide = Thread.ofVirtual().start(() -> {
                awaitQuietly(go);
                try {
                    tcpClient.say("/nick " + nickname);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });

            go.countDown();

            assertTrue(tcpSide.join(TestPeer.TIMEOUT) && udpSide.join(TestPeer.TIMEOUT), "round " + round);
            boolean tcpWon = tcpClient.readSkippingNotices().equals("nick " + nickname);
            boolean udpWon = udpAnswer.get().equals("OK joined lobby as " + nickname);
            assertTrue(tcpWon != udpWon, "round " + round + ": exactly one wins; tcp " + tcpWon + ", udp " + udpAnswer.get());
            if (!udpWon) {
                assertEquals("ERR nickname " + nickname + " is taken", udpAnswer.get());
            }
            assertEquals(1, rooms.who("lobby").stream().filter(nickname::equals).count());
            Client winner = registry.snapshot().stream()
                    .filter(c -> rooms.memberOf(c).map(Member::nickname).equals(Optional.of(nickname)))
                    .findFirst().orElseThrow();
            assertEquals(tcpWon ? "tcp" : "udp", winner.protocol());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
