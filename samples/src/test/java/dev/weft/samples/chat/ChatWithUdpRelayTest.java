package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The chat component with its UDP relay: TCP clients and UDP peers share rooms, both ways. */
@ExtendWith(PinningRecorder.class)
class ChatWithUdpRelayTest {

    private TcpServer tcp;
    private UdpServer udp;

    @BeforeEach
    void start() throws Exception {
        ChatComponent chat = DaggerChatComponent.factory().create(TcpServerConfig.loopback(0),
                ChatConfig.DEFAULTS, UdpServerConfig.loopback(0), RelayConfig.DEFAULTS);
        tcp = chat.server().start();
        udp = chat.udpServer().start();
    }

    @AfterEach
    void stop() {
        udp.close();
        tcp.close();
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
    void aTcpClientCannotTakeTheNicknameOfAUdpPeer() throws Exception {
        try (ChatClient bob = bob(); UdpPeer ann = ann()) {
            bob.say("/nick ann");

            assertEquals("! nickname ann is taken", bob.readUntil("!"));
        }
    }
}
