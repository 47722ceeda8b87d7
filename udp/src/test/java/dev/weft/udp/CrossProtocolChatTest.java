package dev.weft.udp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.PinningRecorder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A TCP line chat and the UDP relay on one registry share the rooms, both ways. */
@ExtendWith(PinningRecorder.class)
class CrossProtocolChatTest {

    private final ClientRegistry registry = new ClientRegistry();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private TcpServer tcp;
    private UdpServer udp;

    /** The shape of a TCP chat: everyone in "lobby", each line said to the room. */
    private ConnectionHandler tcpChat() {
        return connection -> {
            Client me = connection.client();
            String nickname = "tcp" + connection.id();
            me.attributes().put(ChatPresence.ROOM, "lobby");
            me.attributes().put(ChatPresence.NICKNAME, nickname);
            connection.write(("welcome " + nickname + "\n").getBytes(UTF_8));
            connection.flush();
            for (String line; (line = connection.readLine(1_024)) != null; ) {
                registry.broadcast((nickname + ": " + line + "\n").getBytes(UTF_8),
                        ChatPresence.inRoom("lobby").and(client -> client != me));
            }
        };
    }

    @BeforeEach
    void start() throws IOException {
        tcp = new TcpServer(TcpServerConfig.loopback(0), tcpChat(), registry);
        resources.add(tcp);
        tcp.start();
        udp = new UdpServer(UdpServerConfig.loopback(0), new UdpRelay(RelayConfig.DEFAULTS, registry));
        resources.add(udp);
        udp.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private TestPeer udpPeer(String room, String nickname) {
        TestPeer peer = new TestPeer(udp.localAddress());
        resources.add(peer);
        assertEquals("OK joined " + room + " as " + nickname, peer.request("JOIN " + room + " " + nickname));
        return peer;
    }

    @Test
    void linesFlowFromTcpToUdpAndFromUdpToTcpWithinTheRoom() throws IOException {
        TestPeer ann = udpPeer("lobby", "ann");
        TestPeer elsewhere = udpPeer("kitchen", "cook");
        try (Socket socket = new Socket(tcp.localAddress().getAddress(), tcp.port())) {
            socket.setSoTimeout((int) TestPeer.TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            OutputStream out = socket.getOutputStream();
            String nickname = in.readLine().substring("welcome ".length());

            out.write("hello from tcp ✓\n".getBytes(UTF_8));
            out.flush();
            assertEquals(nickname + ": hello from tcp ✓", ann.receive());

            ann.send("MSG hello from udp ✓");
            assertEquals("ann: hello from udp ✓", in.readLine());

            assertEquals("PONG", elsewhere.request("PING")); // the kitchen heard nothing
        }
    }

    @Test
    void tcpClientsHearUdpPeersJoinAndLeave() throws IOException {
        try (Socket socket = new Socket(tcp.localAddress().getAddress(), tcp.port())) {
            socket.setSoTimeout((int) TestPeer.TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            in.readLine(); // welcome: the connection is in the lobby from now on

            TestPeer bob = udpPeer("lobby", "bob");
            assertEquals("* bob joined", in.readLine());
            assertEquals("OK left lobby", bob.request("LEAVE"));
            assertEquals("* bob left", in.readLine());
        }
    }

    @Test
    void aNicknameHeldByATcpClientIsTakenForUdpPeers() throws IOException {
        try (Socket socket = new Socket(tcp.localAddress().getAddress(), tcp.port())) {
            socket.setSoTimeout((int) TestPeer.TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            String nickname = in.readLine().substring("welcome ".length());
            TestPeer peer = new TestPeer(udp.localAddress());
            resources.add(peer);

            assertEquals("ERR nickname taken: " + nickname, peer.request("JOIN lobby " + nickname));
        }
    }
}
