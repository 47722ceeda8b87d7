package dev.weft.udp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.Member;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.core.rooms.RoomsMetrics;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class UdpRelayTest {

    private static final Duration IDLE = Duration.ofSeconds(60);

    private final ClientRegistry registry = ClientRegistry.create();
    private final TestClock clock = new TestClock();
    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private ChatRooms rooms;
    private UdpRelay relay;
    private UdpServer server;

    @BeforeEach
    void start() {
        // The background sweeper never fires during a test: expiry is driven by sweep().
        startRelay(RelayConfig.builder().idleTimeout(IDLE).sweepInterval(Duration.ofHours(1)).build());
    }

    private void startRelay(RelayConfig config) {
        startRelay(config, RoomsConfig.DEFAULTS);
    }

    private void startRelay(RelayConfig config, RoomsConfig roomsConfig) {
        rooms = new ChatRooms(roomsConfig);
        relay = new UdpRelay(config, rooms, registry, clock);
        server = servers.start(new UdpServer(UdpServerConfig.builder().host("127.0.0.1").name("relay-test")
                .maxDatagramBytes(512).build(), relay));
    }

    private TestPeer peer() {
        return servers.closeAfterwards(new TestPeer(server.localAddress()));
    }

    private TestPeer joined(String room, String nickname) {
        TestPeer peer = peer();
        assertEquals("OK joined " + room + " as " + nickname, peer.request("JOIN " + room + " " + nickname));
        return peer;
    }

    /** Two peers in the lobby, ann told of bob's arrival. */
    private record Lobby(TestPeer ann, TestPeer bob) {
    }

    private Lobby annAndBobInTheLobby() {
        TestPeer ann = joined("lobby", "ann");
        TestPeer bob = joined("lobby", "bob");
        assertEquals("* bob joined", ann.receive());
        return new Lobby(ann, bob);
    }

    /**
     * Apart from room notices, the next line {@code peer} receives is PONG: the relay handles
     * datagrams in order, so no chat line was on its way to it.
     */
    private static void assertNoChatLineArrived(TestPeer peer) {
        assertEquals("PONG", peer.request("PING"));
    }

    @Test
    void messageReachesEveryOtherPeerOfTheRoomAndNoPeerOfAnother() {
        List<TestPeer> red = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            red.add(joined("red", "r" + i));
        }
        List<TestPeer> blue = List.of(joined("blue", "b0"), joined("blue", "b1"), joined("blue", "b2"));

        red.getFirst().send("MSG hello red");

        for (TestPeer peer : red.subList(1, red.size())) {
            assertEquals("r0: hello red", peer.receiveSkippingNotices());
        }
        blue.forEach(UdpRelayTest::assertNoChatLineArrived);
        assertNoChatLineArrived(red.getFirst()); // the sender does not get its own message
        RelayMetrics metrics = relay.metrics();
        assertEquals(1, metrics.messagesRelayed());
        assertEquals(23, metrics.livePeers());
        assertEquals(2, rooms.metrics().rooms());
    }

    @Test
    void aJoinWaitingForTheRoomsClusterStallsNeitherTheRelayNorOtherPeers() throws Exception {
        GatedCluster cluster = new GatedCluster("slow");
        servers.closeAfterwards(rooms.attach(cluster));
        TestPeer slow = peer();
        slow.send("JOIN lobby slow");
        assertTrue(cluster.claimStarted.await(5, java.util.concurrent.TimeUnit.SECONDS));

        TestPeer ann = joined("lobby", "ann");
        assertEquals("PONG", ann.request("PING"), "the receive loop serves others while slow's claim waits");
        cluster.gate.countDown();

        assertEquals("OK joined lobby as slow", slow.receive());
        assertEquals("* slow joined", ann.receive());
        assertEquals(2, relay.metrics().livePeers());
    }

    @Test
    void joinAndLeaveAreAnnouncedToTheRoom() {
        Lobby lobby = annAndBobInTheLobby();
        TestPeer ann = lobby.ann();
        TestPeer bob = lobby.bob();

        assertEquals("OK left lobby", bob.request("LEAVE"));

        assertEquals("* bob left", ann.receive());
        assertEquals("ERR not joined; send JOIN <room> <nickname>", bob.request("MSG still here?"));
        assertNoChatLineArrived(ann);
    }

    @Test
    void silentPeerExpiresAndIsToldSoWhenItComesBack() {
        Lobby lobby = annAndBobInTheLobby();
        TestPeer ann = lobby.ann();
        TestPeer bob = lobby.bob();
        clock.advance(Duration.ofSeconds(40));
        assertNoChatLineArrived(ann); // PING: ann was heard from 40 s in, bob was not
        clock.advance(Duration.ofSeconds(30));

        assertEquals(1, relay.sweep());

        assertEquals("* bob left (expired)", ann.receive());
        assertEquals(1, registry.size());
        assertEquals("EXPIRED", bob.request("MSG am I still there?"));
        assertNoChatLineArrived(ann);
        assertEquals("ERR not joined; send JOIN <room> <nickname>", bob.request("PING")); // told once
        assertEquals("OK joined lobby as bob", bob.request("JOIN lobby bob"));
        assertEquals("* bob joined", ann.receive());
        assertEquals(1, relay.metrics().expired());
    }

    @Test
    void peerIsNotExpiredBeforeTheIdleTimeout() {
        TestPeer ann = joined("lobby", "ann");
        clock.advance(IDLE);

        assertEquals(0, relay.sweep());
        assertNoChatLineArrived(ann);
    }

    @Test
    void forgedLeaveFromAnotherPortNeitherEvictsNorImpersonates() {
        Lobby lobby = annAndBobInTheLobby();
        TestPeer ann = lobby.ann();
        TestPeer bob = lobby.bob();
        TestPeer forger = peer(); // same address, another port

        assertEquals("ERR not joined; send JOIN <room> <nickname>", forger.request("LEAVE"));
        assertEquals("ERR not joined; send JOIN <room> <nickname>", forger.request("MSG I am bob"));

        assertEquals(2, registry.size());
        assertNoChatLineArrived(ann);
        bob.send("MSG the real bob");
        assertEquals("bob: the real bob", ann.receive());
        assertEquals(2, relay.metrics().rejectedNotJoined());
    }

    @Test
    void malformedAndOversizedDatagramsAreAnsweredCountedAndSurvived() {
        Lobby lobby = annAndBobInTheLobby();
        TestPeer ann = lobby.ann();
        TestPeer bob = lobby.bob();

        assertEquals("ERR unknown command; expected JOIN, MSG, LEAVE or PING", bob.request("HELLO"));
        assertEquals("ERR usage: JOIN <room> <nickname>", bob.request("JOIN lobby"));
        assertEquals("ERR usage: MSG <text>", bob.request("MSG "));
        assertEquals("ERR one line per datagram, without control characters", bob.request("MSG a\nann: forged"));
        assertEquals("ERR empty datagram", bob.request(""));
        bob.sendBytes(new byte[] {'M', 'S', 'G', ' ', (byte) 0xFF});
        assertEquals("ERR invalid UTF-8", bob.receive());
        assertEquals("ERR datagram too large (max 512 bytes)", bob.request("MSG " + "x".repeat(600)));

        bob.send("MSG still fine");
        assertEquals("bob: still fine", ann.receive());
        UdpMetrics metrics = server.metrics();
        assertEquals(6, metrics.droppedMalformed());
        assertEquals(1, metrics.droppedOversized());
        assertEquals(2, metrics.livePeers());
        assertTrue(server.isRunning());
    }

    @Test
    void thousandPeersJoinAndAreServed() {
        int rooms = 50;
        List<TestPeer> peers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            peers.add(joined("room" + (i % rooms), "p" + i));
        }
        assertEquals(1_000, registry.size());
        assertEquals(1_000, server.metrics().livePeers());

        for (int room = 0; room < rooms; room++) {
            peers.get(room).send("MSG hi from room " + room);
        }

        for (int i = rooms; i < peers.size(); i++) {
            assertEquals("p" + (i % rooms) + ": hi from room " + (i % rooms), peers.get(i).receiveSkippingNotices());
        }
        for (TestPeer peer : peers) {
            assertEquals("PONG", peer.request("PING"));
        }
        assertEquals(rooms, relay.metrics().messagesRelayed());
        assertEquals(1_000, relay.metrics().joins());
    }

    @Test
    void joinsOverTheLimitsAreRefusedWithAReason() throws Exception {
        server.close();
        startRelay(RelayConfig.builder().maxPeers(3).build(),
                RoomsConfig.builder().maxRooms(2).maxNicknameLength(8).maxRoomNameLength(6).build());
        joined("a", "ann");
        joined("b", "bob");

        assertEquals("ERR too many rooms (max 2)", peer().request("JOIN c cat"));
        assertEquals("ERR nickname is 9 characters, the maximum is 8", peer().request("JOIN a ninechars"));
        assertEquals("ERR room is 7 characters, the maximum is 6", peer().request("JOIN sevenxx cat"));
        assertEquals("ERR nickname ann is taken", peer().request("JOIN a ann"));
        joined("a", "cat");
        assertEquals("ERR server full (max 3 peers)", peer().request("JOIN a dan"));

        RelayMetrics metrics = relay.metrics();
        assertEquals(4, metrics.rejectedByRooms());
        assertEquals(1, metrics.rejectedServerFull());
        RoomsMetrics roomsMetrics = rooms.metrics();
        assertEquals(1, roomsMetrics.refusedFull());
        assertEquals(2, roomsMetrics.refusedNames());
        assertEquals(1, roomsMetrics.refusedTaken());
        assertEquals(3, registry.size());
        assertEquals(3, roomsMetrics.members(), "no refused peer was left in a room");
    }

    @Test
    void aNicknameThatCouldForgeALineIsRefused() {
        TestPeer ann = joined("lobby", "ann");

        for (String forger : new String[] {"bob:", "*", "<bob>"}) {
            assertEquals("ERR a nickname is 1 to 32 letters, digits, '-' or '_'", peer().request("JOIN lobby " + forger));
        }

        assertNoChatLineArrived(ann);
        assertEquals(1, registry.size());
    }

    @Test
    void errorRepliesToNonPeersAreRateLimitedSoForgedSendersCannotUseTheRelayToAmplify() throws Exception {
        server.close();
        startRelay(RelayConfig.builder().maxErrorRepliesPerSecond(2).build());
        TestPeer stranger = peer();
        String unknown = "ERR unknown command; expected JOIN, MSG, LEAVE or PING";

        stranger.send("HI");
        stranger.send("HI");
        stranger.send("HI"); // over the budget: not answered
        assertEquals(unknown, stranger.receive());
        assertEquals(unknown, stranger.receive());
        Poll.untilEqual("error replies withheld", 1, () -> relay.metrics().errorRepliesWithheld());
        clock.advance(Duration.ofSeconds(1));
        stranger.send("JOIN x");

        assertEquals("ERR usage: JOIN <room> <nickname>", stranger.receive()); // not a third "unknown"
        // Answered or not, all four are counted: the last one just after its answer was queued.
        Poll.untilEqual("malformed datagrams", 4, () -> server.metrics().droppedMalformed());
    }

    @Test
    void joiningAgainMovesThePeerAndTellsBothRooms() {
        TestPeer ann = joined("red", "ann");
        TestPeer bob = joined("blue", "bob");
        TestPeer cat = joined("red", "cat");
        assertEquals("* cat joined", ann.receive());

        assertEquals("OK joined blue as kitty", cat.request("JOIN blue kitty"));

        assertEquals("* cat left", ann.receive());
        assertEquals("* kitty joined", bob.receive());
        assertEquals(2, rooms.metrics().rooms());
        assertEquals(3, registry.size());
    }

    @Test
    void joiningTheSameRoomUnderAnotherNicknameRenamesThePeer() {
        Lobby lobby = annAndBobInTheLobby();

        assertEquals("OK joined lobby as robert", lobby.bob().request("JOIN lobby robert"));

        assertEquals("* bob is now robert", lobby.ann().receive());
        assertEquals(List.of("ann", "robert"), rooms.who("lobby"));
        assertEquals("OK joined lobby as bob", peer().request("JOIN lobby bob"), "the old nickname is free");
    }

    @Test
    void repeatingTheSameJoinIsAcknowledgedAgainWithoutNotices() {
        Lobby lobby = annAndBobInTheLobby();

        assertEquals("OK joined lobby as bob", lobby.bob().request("JOIN lobby bob"));

        lobby.ann().send("PING");
        assertEquals("PONG", lobby.ann().receive()); // no "* bob left" nor "* bob joined" before it
        assertEquals(2, relay.metrics().joins());
        assertEquals(2, registry.size());
    }

    @Test
    void closingAPeerThroughTheRegistryRemovesItAndTellsItsRoom() {
        TestPeer ann = joined("lobby", "ann");
        joined("lobby", "bob");
        assertEquals("* bob joined", ann.receive());
        Client bob = registry.snapshot().stream()
                .filter(c -> rooms.memberOf(c).map(Member::nickname).equals(Optional.of("bob"))).findFirst().orElseThrow();

        bob.close();
        bob.close();

        assertFalse(bob.isOpen());
        assertFalse(bob.send("gone\n".getBytes()));
        assertEquals("* bob left", ann.receive());
        assertEquals(1, registry.size());
        assertEquals(1, relay.metrics().leaves());
    }

    @Test
    void peersAreBroadcastTargetsOfTheRegistry() {
        Lobby lobby = annAndBobInTheLobby();
        TestPeer elsewhere = joined("kitchen", "cook");

        assertEquals(3, registry.broadcast("* the server restarts soon\n".getBytes(UTF_8), client -> true));

        for (TestPeer peer : List.of(lobby.ann(), lobby.bob(), elsewhere)) {
            assertEquals("* the server restarts soon", peer.receive());
        }
    }

    @Test
    void aSendFromAnInterruptedThreadDoesNotCloseTheServer() throws Exception {
        TestPeer ann = joined("lobby", "ann");
        Client annClient = registry.snapshot().getFirst();

        Thread interrupted = Thread.ofVirtual().start(() -> {
            Thread.currentThread().interrupt();
            annClient.send("from an interrupted thread\n".getBytes());
        });
        interrupted.join();

        assertEquals("from an interrupted thread", ann.receive());
        assertNoChatLineArrived(ann);
        assertTrue(server.isRunning());
    }

    @Test
    void stopUnregistersEveryPeerAndLeavesNoThreadBehind() {
        joined("lobby", "ann");
        joined("lobby", "bob");
        assertEquals(List.of("udp-relay-sweeper"), LiveThreads.named("udp-relay-sweeper"));

        server.close();

        assertEquals(0, registry.size());
        assertEquals(0, relay.metrics().livePeers());
        assertEquals(0, rooms.metrics().members());
        assertEquals(List.of(), LiveThreads.named("relay-test"));
        assertEquals(List.of(), LiveThreads.named("udp-relay-sweeper"));
    }

    @Test
    void theSweeperThreadExpiresPeersOnItsOwn() throws Exception {
        server.close();
        startRelay(RelayConfig.builder().idleTimeout(IDLE).sweepInterval(Duration.ofMillis(10)).build());
        TestPeer ann = joined("lobby", "ann");
        joined("lobby", "bob");
        assertEquals("* bob joined", ann.receive());

        clock.advance(IDLE.plusSeconds(1));

        Poll.untilEqual("peers in the registry", 0, registry::size);
        assertEquals(2, relay.metrics().expired());
    }
}
