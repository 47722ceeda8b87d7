package dev.weft.samples.udpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.ClientRegistry;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpRelay;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class UdpChatClientTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final ClientRegistry registry = ClientRegistry.create();
    private UdpServer relay;

    @BeforeEach
    void start() {
        relay = servers.start(new UdpServer(UdpServerConfig.loopback(0),
                new UdpRelay(RelayConfig.DEFAULTS, new ChatRooms(RoomsConfig.DEFAULTS), registry)));
    }

    @Test
    void eachInputLineIsSaidToTheRoomAndQuittingLeaves() throws Exception {
        try (DatagramSocket ann = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            ann.setSoTimeout(10_000);
            send(ann, "JOIN lobby ann");
            assertEquals("OK joined lobby as ann", receive(ann));
            UdpChatClient bob = new UdpChatClient(relay.localAddress(), "bob", "lobby", Duration.ofSeconds(20));

            bob.run(new BufferedReader(new StringReader("hello ✓\n\n/quit\nnever sent\n")),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertEquals("* bob joined", receive(ann));
            assertEquals("bob: hello ✓", receive(ann));
            assertEquals("* bob left", receive(ann));
            assertEquals(1, registry.size());
        }
    }

    private void send(DatagramSocket socket, String line) throws Exception {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, relay.localAddress()));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[2_048], 2_048);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).stripTrailing();
    }
}
