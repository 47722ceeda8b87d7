package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.SocketOptions;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class ChatServerTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private ChatComponent chat;
    private TcpServer server;

    @BeforeEach
    void start() throws Exception {
        TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().name("chat")
                .outboundQueueBytes(32 * 1024)
                .socketOptions(SocketOptions.DEFAULTS.withSendBufferBytes(8 * 1024)).build();
        chat = DaggerChatComponent.factory().create(config, new ChatConfig(64),
                RoomsConfig.builder().maxNicknameLength(16).build(), UdpServerConfig.loopback(0), RelayConfig.DEFAULTS,
                HttpServerConfig.loopback(0), Optional.empty());
        server = servers.start(chat.server());
    }

    @Test
    void aLineFromOneClientReachesTheTwoOthersButNotItsSender() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob"); ChatClient carol = join("carol")) {
            alice.say("hello all");
            assertEquals("alice: hello all", bob.readUntil("alice:"));
            assertEquals("alice: hello all", carol.readUntil("alice:"));
            alice.say("/who");
            assertEquals("* online: alice, bob, carol", alice.readUntil("* online"));
        }
    }

    @Test
    void joinRenameAndLeaveAreAnnounced() throws Exception {
        try (ChatClient alice = join("alice")) {
            try (ChatClient bob = new ChatClient(server.port())) {
                String welcome = bob.readUntil("* welcome");
                String guest = welcome.substring("* welcome, ".length(), welcome.indexOf(' ', "* welcome, ".length()));
                assertEquals("* " + guest + " joined", alice.readUntil("* " + guest + " joined"));
                bob.say("/nick bob");
                assertEquals("* " + guest + " is now bob", alice.readUntil("* " + guest + " is now"));
                bob.say("/quit");
                assertEquals("* bye", bob.readUntil("* bye"));
                assertNull(bob.read());
            }
            assertEquals("* bob left", alice.readUntil("* bob left"));
        }
    }

    @Test
    void anOverLongLineGetsAnErrorAndTheClientCarriesOn() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob")) {
            alice.sayRaw(("y".repeat(10_000) + "\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals("! line too long: the maximum is 64 bytes", alice.readUntil("!"));
            alice.say("still here");
            assertEquals("alice: still here", bob.readUntil("alice:"));
        }
    }

    @Test
    void badNicknamesAndUnknownCommandsAreRefused() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob")) {
            bob.say("/nick alice");
            assertEquals("! nickname alice is taken", bob.readUntil("!"));
            bob.say("/nick has space");
            assertTrue(bob.readUntil("!").startsWith("! a nickname is 1 to 16"));
            bob.say("/dance");
            assertTrue(bob.readUntil("!").startsWith("! unknown command /dance"));
        }
    }

    @Test
    void joiningAnotherRoomMovesTheClientAndTheRoomsHearIt() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob"); ChatClient carol = join("carol")) {
            carol.say("/join garden");
            assertEquals("* you are in garden", carol.readUntil("* you are in"));
            assertEquals("* carol left", alice.readUntil("* carol left"));
            bob.say("/join garden");
            assertEquals("* bob joined", carol.readUntil("* bob joined"));

            carol.say("only the garden hears this");
            assertEquals("carol: only the garden hears this", bob.readUntil("carol:"));
            bob.say("/who");
            assertEquals("* online: bob, carol", bob.readUntil("* online"));
            assertEquals("* bob left", alice.readUntil("* bob left"));
            alice.say("/who");
            assertEquals("* online: alice", alice.read()); // no garden line came before it
        }
    }

    @Test
    void aLineWithAControlCharacterIsRefusedNotRelayed() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob")) {
            alice.say("hi\rbob: I owe alice 100");
            assertEquals("! a message is one line of text, without control characters", alice.readUntil("!"));
            bob.say("/who");
            assertEquals("* online: alice, bob", bob.read()); // nothing from alice came before it
        }
    }

    @Test
    void aClientThatNeverReadsDoesNotStallTheOthers() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob");
             ChatClient mute = new ChatClient(server.port(), 2_048)) {
            mute.say("/nick mute"); // and never reads again
            bob.readUntilContaining(" is now mute");
            String chunk = "z".repeat(50); // with the counter, within the 64-byte line limit
            int lines = 4_000; // ~230 KB: beyond the mute client's 32 KiB queue and its socket buffers
            for (int i = 0; i < lines; i++) {
                alice.say(chunk + " " + i);
                if (i % 100 == 99) {
                    assertEquals("alice: " + chunk + " " + i, bob.readUntil("alice: " + chunk + " " + i));
                }
            }
            awaitDisconnected();
            alice.say("after");
            assertEquals("alice: after", bob.readUntil("alice: after"));
        }
    }

    private void awaitDisconnected() {
        Poll.untilEqual("slow clients disconnected", 1, () -> chat.registry().slowClientsDisconnected());
    }

    private ChatClient join(String nick) throws Exception {
        ChatClient client = new ChatClient(server.port());
        client.readUntil("* welcome");
        client.say("/nick " + nick);
        assertEquals("* you are now " + nick, client.readUntil("* you are now"));
        return client;
    }
}
