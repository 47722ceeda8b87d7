package dev.weft.samples.udpecho;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class UdpEchoServerTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private UdpServer server;

    @BeforeEach
    void start() {
        server = servers.start(DaggerUdpEchoComponent.factory().create(UdpServerConfig.loopback(0)).server());
    }

    @Test
    void everyDatagramComesBackToItsSenderUnchanged() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(5_000);
            for (String text : new String[] {"one", "two ✓", ""}) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(bytes, bytes.length, server.localAddress()));
                DatagramPacket reply = new DatagramPacket(new byte[1_024], 1_024);
                socket.receive(reply);
                assertEquals(text, new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
            }
        }
    }
}
