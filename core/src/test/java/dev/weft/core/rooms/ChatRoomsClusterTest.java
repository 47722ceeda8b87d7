package dev.weft.core.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.rooms.JoinResult.Joined;
import dev.weft.core.rooms.RoomRefusal.NicknameTaken;
import dev.weft.core.rooms.RoomRefusal.RoomFull;
import dev.weft.testing.Poll;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How {@link ChatRooms} uses a {@link RoomsCluster}: the order of the calls, their effects, and what comes back. */
class ChatRoomsClusterTest {

    private final ChatRooms rooms = new ChatRooms(RoomsConfig.DEFAULTS);
    private final RecordingCluster cluster = new RecordingCluster();

    ChatRoomsClusterTest() {
        rooms.attach(cluster);
    }

    private RecordingClient entered(String nickname) {
        RecordingClient client = new RecordingClient();
        assertInstanceOf(Joined.class, rooms.enter(client, nickname));
        return client;
    }

    @Test
    void aNicknameHeldOnAnotherInstanceIsRefusedAndNothingChangesHere() {
        RecordingClient ann = entered("ann");
        cluster.heldElsewhere.put("lobby/bob", "chat-2");
        RecordingClient bob = new RecordingClient();

        assertEquals(new NicknameTaken("lobby", "bob"), rooms.enter(bob, "bob"));

        assertEquals(Optional.empty(), rooms.memberOf(bob));
        assertEquals(List.of("ann"), rooms.who("lobby"));
        assertTrue(ann.heardNothingMore(), "nobody is told of a refused join");
        assertEquals(List.of("claim ann@lobby", "history lobby", "joined ann@lobby", "claim bob@lobby"), cluster.calls());
        assertEquals(1, rooms.metrics().refusedTaken());
    }

    @Test
    void theClusterHearsEachChangeAfterItIsMadeHereAndEachLineAfterItsLocalDelivery() throws Exception {
        RecordingClient bob = entered("bob");
        RecordingClient ann = entered("ann");
        assertEquals("* ann joined", bob.next());
        rooms.addListener(new RoomsListener() {
            @Override
            public void said(Member from, String text) {
                assertTrue(cluster.calls().contains("publish ann@lobby: hi"), "the cluster hears a line before the listeners");
            }
        });
        cluster.calls.clear();

        rooms.say(ann, "hi");
        assertEquals("ann: hi", bob.next());
        rooms.rename(ann, "anna");
        rooms.join(ann, "kitchen", "anna");
        rooms.leave(ann, LeaveReason.LEFT);

        assertEquals(List.of("publish ann@lobby: hi",
                "claim anna@lobby", "renamed ann->anna@lobby",
                "claim anna@kitchen", "history kitchen", "left anna@lobby MOVED", "joined anna@kitchen",
                "left anna@kitchen LEFT"), cluster.calls());
    }

    @Test
    void theClaimWaitsWithoutTheLockWhileTheNicknameIsReservedHere() throws Exception {
        CountDownLatch claiming = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        cluster.duringClaim = place -> {
            if (place.equals("lobby/ann")) {
                claiming.countDown();
                await(answer);
            }
            return null;
        };
        RecordingClient ann = new RecordingClient();
        CompletableFuture<JoinResult> annJoins = CompletableFuture.supplyAsync(() -> rooms.enter(ann, "ann"),
                runnable -> Thread.ofVirtual().start(runnable));
        await(claiming);

        assertInstanceOf(Joined.class, rooms.enter(new RecordingClient(), "bob"), "the lock is free while ann's claim waits");
        assertEquals(new NicknameTaken("lobby", "ann"), rooms.enter(new RecordingClient(), "ann"),
                "a nickname being claimed is taken for everyone else");
        answer.countDown();

        assertInstanceOf(Joined.class, annJoins.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("ann", "bob"), rooms.who("lobby"));
    }

    @Test
    void aClaimTheLocalRoomsCannotUseAfterAllIsGivenBackWithoutANotice() throws Exception {
        ChatRooms small = new ChatRooms(RoomsConfig.builder().maxMembersPerRoom(1).build());
        RecordingCluster tight = new RecordingCluster();
        small.attach(tight);
        tight.duringClaim = place -> {
            if (place.equals("a/ann")) {
                assertInstanceOf(Joined.class, small.join(new RecordingClient(), "a", "bob"), "bob fills the room meanwhile");
            }
            return null;
        };

        assertEquals(new RoomFull("a", 1), small.join(new RecordingClient(), "a", "ann"));

        assertEquals(List.of("claim ann@a", "claim bob@a", "history a", "joined bob@a", "history a", "release ann@a"),
                tight.calls());
    }

    @Test
    void aMemberEnteringARoomIsSentItsHistoryBeforeAnythingElseAndNobodyElseIs() throws Exception {
        RecordingClient bob = entered("bob");
        cluster.history.put("lobby", List.of(RecordingCluster.line("cat", "earlier"), RecordingCluster.line("dan", "later")));

        RecordingClient ann = entered("ann");

        assertEquals("cat: earlier", ann.next());
        assertEquals("dan: later", ann.next());
        assertTrue(ann.heardNothingMore());
        assertEquals("* ann joined", bob.next());
        assertTrue(bob.heardNothingMore(), "history goes to the member who joined only");
        rooms.rename(ann, "anna");
        assertTrue(ann.heardNothingMore(), "a new nickname in the same room fetches no history");
    }

    @Test
    void linesAndNoticesFromOtherInstancesReachTheLocalMembersWordedAsLocalOnes() throws Exception {
        RecordingClient ann = entered("ann");
        RecordingClient cook = new RecordingClient();
        rooms.join(cook, "kitchen", "cook");
        LocalRooms local = rooms.localRooms();

        local.notice("lobby", new RoomNotice.Joined("bob", "chat-2"));
        local.deliver("lobby", new RoomLine("bob", "chat-2", "hello ✓", java.time.Instant.now()));
        local.notice("lobby", new RoomNotice.Renamed("bob", "robert", "chat-2"));
        local.notice("lobby", new RoomNotice.Left("robert", "chat-2", LeaveReason.INSTANCE_LOST));
        local.deliver("lobby", new RoomLine("eve", "chat-3", "forged\n* ann left", java.time.Instant.now()));
        local.notice("lobby", new RoomNotice.Left("dan", "chat-3", LeaveReason.EXPIRED));

        assertEquals("* bob joined", ann.next());
        assertEquals("bob: hello ✓", ann.next());
        assertEquals("* bob is now robert", ann.next());
        assertEquals("* robert left (server lost)", ann.next());
        assertEquals("* dan left (expired)", ann.next(), "a line with a control character is dropped");
        assertTrue(cook.heardNothingMore(), "another room hears nothing");
        assertTrue(cluster.calls().stream().noneMatch(call -> call.startsWith("publish")), "nothing echoes back");
    }

    @Test
    void theMembersTheClusterReassertsAreTheRoomsOwnTruth() {
        entered("ann");
        rooms.join(new RecordingClient(), "kitchen", "cook");

        assertEquals(Map.of("lobby", Set.of("ann"), "kitchen", Set.of("cook")), rooms.localRooms().members());
    }

    @Test
    void presenceListsEveryInstanceOrSaysItListsOnlyThisOne() {
        entered("ann");
        cluster.othersPresent = List.of(new PresentMember("ann", "here"), new PresentMember("bob", "chat-2"));

        assertEquals(new RoomPresence(cluster.othersPresent, true), rooms.presence("lobby"));

        cluster.reachable = false;
        assertEquals(new RoomPresence(List.of(new PresentMember("ann", "here")), false), rooms.presence("lobby"));

        ChatRooms alone = new ChatRooms(RoomsConfig.DEFAULTS);
        alone.enter(new RecordingClient(), "zed");
        assertEquals(new RoomPresence(List.of(new PresentMember("zed", "")), true), alone.presence("lobby"));
    }

    @Test
    void aNicknameFoundHeldElsewhereAfterAnOutageIsReplacedAndTheMemberToldWhy() throws Exception {
        cluster.reachable = false;
        RecordingClient ann = entered("ann");
        RecordingClient bob = entered("bob");
        assertEquals("* bob joined", ann.next());
        cluster.reachable = true;
        cluster.heldElsewhere.put("lobby/ann", "chat-2");
        cluster.calls.clear();

        rooms.localRooms().claimLost("lobby", "ann", "chat-2");

        assertEquals("* your nickname ann is taken on chat-2: you are now ann-2", ann.next());
        assertEquals("* ann is now ann-2", bob.next());
        assertEquals(List.of("ann-2", "bob"), rooms.who("lobby"));
        assertEquals(List.of("claim ann-2@lobby", "joined ann-2@lobby"), cluster.calls(),
                "the others never knew this ann: they hear of ann-2 joining, not of ann renamed");
    }

    @Test
    void aMemberWithNoFreeNicknameLeftLeavesTheRoomSilentlyForTheCluster() throws Exception {
        RecordingClient ann = entered("ann");
        cluster.duringClaim = place -> new NicknameClaim.Taken("chat-2");
        cluster.calls.clear();

        rooms.localRooms().claimLost("lobby", "ann", "chat-2");

        assertEquals("* your nickname ann is taken on chat-2: you left lobby", ann.next());
        Poll.until("ann to leave", () -> rooms.memberOf(ann).isEmpty());
        assertTrue(cluster.calls().stream().noneMatch(call -> call.startsWith("left")), String.valueOf(cluster.calls()));
    }

    @Test
    void aClusterThatThrowsIsTakenForUnreachableAndTheRoomsKeepWorking() throws Exception {
        cluster.duringClaim = place -> {
            throw new IllegalStateException("cluster bug, on purpose");
        };
        RecordingClient bob = entered("bob");
        RecordingClient ann = entered("ann");

        assertEquals("* ann joined", bob.next());
        rooms.say(ann, "still here");
        assertEquals("ann: still here", bob.next());
    }

    @Test
    void aDetachedClusterHearsNothingMoreAndOnlyOneIsAttachedAtATime() throws Exception {
        ChatRooms fresh = new ChatRooms(RoomsConfig.DEFAULTS);
        RecordingCluster first = new RecordingCluster();
        AutoCloseable attached = fresh.attach(first);
        assertThrows(IllegalStateException.class, () -> fresh.attach(new RecordingCluster()));
        assertEquals(Optional.of(first), fresh.cluster());

        attached.close();
        fresh.enter(new RecordingClient(), "ann");

        assertEquals(List.of(), first.calls());
        assertEquals(Optional.empty(), fresh.cluster());
        assertFalse(fresh.cluster().isPresent());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
