package dev.weft.core.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.rooms.JoinResult.AlreadyJoined;
import dev.weft.core.rooms.JoinResult.Joined;
import dev.weft.core.rooms.RoomRefusal.NameNotAllowed;
import dev.weft.core.rooms.RoomRefusal.NameTooLong;
import dev.weft.core.rooms.RoomRefusal.NicknameTaken;
import dev.weft.core.rooms.RoomRefusal.NotInRoom;
import dev.weft.core.rooms.RoomRefusal.RoomFull;
import dev.weft.core.rooms.RoomRefusal.TextNotAllowed;
import dev.weft.core.rooms.RoomRefusal.TooManyRooms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChatRoomsTest {

    private final ChatRooms rooms = new ChatRooms(RoomsConfig.DEFAULTS);

    private RecordingClient entered(String nickname) {
        return joined("lobby", nickname);
    }

    private RecordingClient joined(String room, String nickname) {
        RecordingClient client = new RecordingClient();
        assertInstanceOf(Joined.class, rooms.join(client, room, nickname));
        return client;
    }

    /** Two members of the lobby, ann told of bob's arrival. */
    private record Lobby(RecordingClient ann, RecordingClient bob) {
    }

    private Lobby annAndBobInTheLobby() throws InterruptedException {
        RecordingClient ann = entered("ann");
        RecordingClient bob = entered("bob");
        assertEquals("* bob joined", ann.next());
        return new Lobby(ann, bob);
    }

    @Test
    void aMessageReachesTheOtherMembersOfTheRoomButNotItsSenderNorAnotherRoom() throws Exception {
        RecordingClient ann = entered("ann");
        RecordingClient bob = entered("bob");
        RecordingClient cook = joined("kitchen", "cook");
        assertEquals("* bob joined", ann.next());

        SayResult said = rooms.say(ann, "hello ✓");

        assertEquals(new SayResult.Said(new Member("lobby", "ann", ann), 1), said);
        assertEquals("ann: hello ✓", bob.next());
        assertTrue(ann.heardNothingMore());
        assertTrue(cook.heardNothingMore());
    }

    @Test
    void enterJoinsTheDefaultRoom() {
        RecordingClient ann = new RecordingClient();

        rooms.enter(ann, "ann");

        assertEquals(Optional.of(new Member("lobby", "ann", ann)), rooms.memberOf(ann));
        assertEquals(List.of("ann"), rooms.who("lobby"));
    }

    @Test
    void movingTellsTheOldRoomItLeftAndTheNewRoomItJoined() throws Exception {
        RecordingClient ann = entered("ann");
        RecordingClient bob = entered("bob");
        RecordingClient cook = joined("kitchen", "cook");
        ann.next(); // * bob joined

        JoinResult moved = rooms.join(bob, "kitchen", "robert");

        assertEquals(new Joined(Optional.of(new Member("lobby", "bob", bob)), new Member("kitchen", "robert", bob)), moved);
        assertEquals("* bob left", ann.next());
        assertEquals("* robert joined", cook.next());
        assertTrue(bob.heardNothingMore());
        assertEquals(List.of("ann"), rooms.who("lobby"));
        assertEquals(List.of("cook", "robert"), rooms.who("kitchen"));
    }

    @Test
    void renamingInTheSameRoomIsOneNotice() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient bob = lobby.bob();

        Joined renamed = assertInstanceOf(Joined.class, rooms.rename(bob, "robert"));

        assertTrue(renamed.renamed());
        assertEquals("* bob is now robert", ann.next());
        assertTrue(ann.heardNothingMore());
        assertEquals(List.of("ann", "robert"), rooms.who("lobby"));
        assertInstanceOf(Joined.class, rooms.join(new RecordingClient(), "lobby", "bob"), "the old nickname is free");
    }

    @Test
    void leavingTellsTheRoomAndFreesTheNickname() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient bob = lobby.bob();

        assertEquals(Optional.of(new Member("lobby", "bob", bob)), rooms.leave(bob, LeaveReason.LEFT));
        assertEquals(Optional.empty(), rooms.leave(bob, LeaveReason.LEFT));

        assertEquals("* bob left", ann.next());
        assertTrue(ann.heardNothingMore());
        assertEquals(new NotInRoom(), rooms.say(bob, "still here?"));
        assertEquals(new NotInRoom(), rooms.rename(bob, "robert"));
        assertInstanceOf(Joined.class, rooms.enter(new RecordingClient(), "bob"));
    }

    @Test
    void anExpiredMemberIsNoticedAsSuch() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient bob = lobby.bob();

        rooms.leave(bob, LeaveReason.EXPIRED);

        assertEquals("* bob left (expired)", ann.next());
    }

    @Test
    void theSameJoinAgainChangesNothingAndTellsNobody() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient bob = lobby.bob();

        assertEquals(new AlreadyJoined(new Member("lobby", "bob", bob)), rooms.join(bob, "lobby", "bob"));

        assertTrue(ann.heardNothingMore());
        assertEquals(2, rooms.metrics().joins());
    }

    @Test
    void aNicknameIsUniqueInItsRoomButMayBeUsedInAnother() {
        entered("ann");

        assertEquals(new NicknameTaken("lobby", "ann"), rooms.enter(new RecordingClient(), "ann"));
        assertInstanceOf(Joined.class, rooms.join(new RecordingClient(), "kitchen", "ann"));
        assertEquals(1, rooms.metrics().refusedTaken());
    }

    @Test
    void ofClientsRacingForOneNicknameExactlyOneWinsEveryTime() throws Exception {
        int racers = 8;
        for (int round = 0; round < 200; round++) {
            String nickname = "racer" + round;
            CyclicBarrier start = new CyclicBarrier(racers);
            List<AtomicReference<JoinResult>> results = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                AtomicReference<JoinResult> result = new AtomicReference<>();
                results.add(result);
                RecordingClient client = new RecordingClient();
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    result.set(rooms.enter(client, nickname));
                }));
            }
            for (Thread thread : threads) {
                assertTrue(thread.join(Duration.ofSeconds(5)));
            }
            long winners = results.stream().filter(r -> r.get() instanceof Joined).count();
            long losers = results.stream().filter(r -> r.get() instanceof NicknameTaken).count();
            assertEquals(1, winners, "round " + round);
            assertEquals(racers - 1, losers, "round " + round);
        }
        assertEquals(200, rooms.who("lobby").size());
    }

    @Test
    void namesAreOneWordOfLettersDigitsDashesAndUnderscoresWithinTheirLength() {
        ChatRooms strict = new ChatRooms(RoomsConfig.builder().maxNicknameLength(8).maxRoomNameLength(6).build());
        RecordingClient client = new RecordingClient();

        assertEquals("nickname is 9 characters, the maximum is 8",
                assertInstanceOf(NameTooLong.class, strict.enter(client, "ninechars")).message());
        assertEquals("room is 7 characters, the maximum is 6",
                assertInstanceOf(NameTooLong.class, strict.join(client, "sevenxx", "ann")).message());
        for (String bad : new String[] {"", "a b", "bob:", "*", "a\tb", "ann\n"}) {
            assertEquals("a nickname is 1 to 8 letters, digits, '-' or '_'",
                    assertInstanceOf(NameNotAllowed.class, strict.enter(client, bad)).message(), bad);
        }
        assertInstanceOf(Joined.class, strict.enter(client, "Zoë_2-b"), "letters of any script");
        assertInstanceOf(Joined.class, strict.join(new RecordingClient(), "café", "ann"));
        assertEquals(8, strict.metrics().refusedNames());
    }

    @Test
    void roomAndMemberLimitsAreEnforcedButTheDefaultRoomAlwaysTakesNewcomers() {
        ChatRooms small = new ChatRooms(RoomsConfig.builder().maxRooms(2).maxMembersPerRoom(2).build());
        small.join(new RecordingClient(), "a", "ann");
        RecordingClient bob = new RecordingClient();
        small.join(bob, "b", "bob");

        assertEquals("too many rooms (max 2)", assertInstanceOf(TooManyRooms.class,
                small.join(new RecordingClient(), "c", "cat")).message());
        assertInstanceOf(Joined.class, small.join(bob, "c", "bob"), "moving out of a room of one frees it");
        assertInstanceOf(Joined.class, small.enter(new RecordingClient(), "dan"), "the default room is exempt");
        small.join(new RecordingClient(), "a", "eve");
        assertEquals("room a is full (max 2 members)", assertInstanceOf(RoomFull.class,
                small.join(new RecordingClient(), "a", "fay")).message());
        assertEquals(2, small.metrics().refusedFull());
    }

    @Test
    void aClosedMemberHoldingANicknameGivesItUpWithANotice() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient ghost = lobby.bob();
        ghost.close(); // its protocol never called leave

        RecordingClient bob = new RecordingClient();
        assertInstanceOf(Joined.class, rooms.enter(bob, "bob"));

        assertEquals("* bob left", ann.next());
        assertEquals("* bob joined", ann.next());
        assertEquals(Optional.empty(), rooms.memberOf(ghost));
    }

    @Test
    void aClosedMemberIsRemovedWhenItsRoomNextHearsAMessage() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ghost = entered("ghost");
        lobby.bob().next(); // * ghost joined
        ghost.close(); // its protocol never called leave

        rooms.say(lobby.ann(), "hi");

        assertEquals("ann: hi", lobby.bob().next());
        assertEquals("* ghost left", lobby.bob().next());
        assertEquals(List.of("ann", "bob"), rooms.who("lobby"));
        assertEquals(Optional.empty(), rooms.memberOf(ghost));
    }

    @Test
    void textWithAControlCharacterIsRefusedNotStripped() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient bob = lobby.bob();

        for (String bad : new String[] {"", "a\nbob: forged", "a\rb", "tab\there", "\u001b[2J", "\u0085"}) {
            assertEquals(new TextNotAllowed(), rooms.say(bob, bad), bad);
        }

        assertTrue(ann.heardNothingMore());
        assertEquals(0, rooms.metrics().messages());
    }

    @Test
    void tellReachesEveryLocalMemberOfTheRoomWithoutTheListeners() throws Exception {
        Lobby lobby = annAndBobInTheLobby();
        RecordingClient ann = lobby.ann();
        RecordingClient bob = lobby.bob();
        List<String> heard = new ArrayList<>();
        rooms.addListener(new RoomsListener() {
            @Override
            public void said(Member from, String text) {
                heard.add(text);
            }
        });

        assertEquals(2, rooms.tell("lobby", "zed@elsewhere: hi"));
        assertEquals(0, rooms.tell("nowhere", "nobody hears this"));

        assertEquals("zed@elsewhere: hi", ann.next());
        assertEquals("zed@elsewhere: hi", bob.next());
        assertEquals(List.of(), heard);
        assertThrows(IllegalArgumentException.class, () -> rooms.tell("lobby", "two\nlines"));
    }

    @Test
    void listenersHearEveryChangeInOrder() {
        List<String> events = new ArrayList<>();
        rooms.addListener(new RoomsListener() {
            @Override
            public void joined(Member member) {
                events.add("joined " + member.nickname() + "@" + member.room());
            }

            @Override
            public void left(Member member, LeaveReason reason) {
                events.add("left " + member.nickname() + "@" + member.room() + " " + reason);
            }

            @Override
            public void renamed(Member before, Member after) {
                events.add("renamed " + before.nickname() + "->" + after.nickname());
            }

            @Override
            public void said(Member from, String text) {
                events.add("said " + from.nickname() + ": " + text);
            }
        });
        RecordingClient ann = new RecordingClient();

        rooms.enter(ann, "ann");
        rooms.say(ann, "hi");
        rooms.rename(ann, "anna");
        rooms.join(ann, "kitchen", "anna");
        rooms.leave(ann, LeaveReason.LEFT);

        assertEquals(List.of("joined ann@lobby", "said ann: hi", "renamed ann->anna", "left anna@lobby MOVED",
                "joined anna@kitchen", "left anna@kitchen LEFT"), events);
    }

    @Test
    void listenersRunOutsideTheLockSoAnotherThreadMayChangeTheRoomsMeanwhile() throws Exception {
        CountDownLatch otherThreadJoined = new CountDownLatch(1);
        rooms.addListener(new RoomsListener() {
            @Override
            public void joined(Member member) {
                if (member.nickname().equals("ann")) {
                    Thread.ofVirtual().start(() -> {
                        rooms.enter(new RecordingClient(), "bob");
                        otherThreadJoined.countDown();
                    });
                    awaitOrFail(otherThreadJoined);
                }
            }
        });

        rooms.enter(new RecordingClient(), "ann");

        assertEquals(List.of("ann", "bob"), rooms.who("lobby"));
    }

    @Test
    void noticesAreSentOutsideTheLock() throws Exception {
        CountDownLatch otherThreadJoined = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        RecordingClient ann = new RecordingClient() {
            @Override
            public boolean send(byte[] message) {
                if (first.getAndSet(false)) {
                    // Being sent "* bob joined": another thread changes the rooms before this returns.
                    Thread.ofVirtual().start(() -> {
                        rooms.enter(new RecordingClient(), "cat");
                        otherThreadJoined.countDown();
                    });
                    awaitOrFail(otherThreadJoined);
                }
                return super.send(message);
            }
        };
        rooms.enter(ann, "ann");

        rooms.enter(new RecordingClient(), "bob");

        assertEquals("* cat joined", ann.next());
        assertEquals("* bob joined", ann.next());
        assertEquals(List.of("ann", "bob", "cat"), rooms.who("lobby"));
    }

    @Test
    void aListenerThatThrowsNeitherStopsTheOthersNorUndoesTheChange() {
        List<String> heard = new ArrayList<>();
        rooms.addListener(new RoomsListener() {
            @Override
            public void joined(Member member) {
                throw new IllegalStateException("listener bug, on purpose");
            }
        });
        rooms.addListener(new RoomsListener() {
            @Override
            public void joined(Member member) {
                heard.add(member.nickname());
            }
        });

        assertInstanceOf(Joined.class, rooms.enter(new RecordingClient(), "ann"));

        assertEquals(List.of("ann"), heard);
        assertEquals(List.of("ann"), rooms.who("lobby"));
    }

    @Test
    void theMetricsCountRoomsMembersAndTraffic() throws Exception {
        RecordingClient ann = entered("ann");
        entered("bob");
        joined("kitchen", "cook");
        rooms.say(ann, "hi");
        rooms.leave(ann, LeaveReason.LEFT);

        RoomsMetrics metrics = rooms.metrics();

        assertEquals(2, metrics.rooms());
        assertEquals(2, metrics.members());
        assertEquals(3, metrics.joins());
        assertEquals(1, metrics.leaves());
        assertEquals(1, metrics.messages());
        assertEquals(3, metrics.deliveries(), "ann heard bob join; bob heard hi, then ann leave");
    }

    @Test
    void anInvalidConfigurationIsRejectedWithItsValue() {
        assertEquals("maxRooms must be > 0: 0",
                assertThrows(IllegalArgumentException.class, () -> RoomsConfig.builder().maxRooms(0).build()).getMessage());
        assertEquals("defaultRoom \"the lobby\" is not a valid room name: a room is 1 to 32 letters, digits, '-' or '_'",
                assertThrows(IllegalArgumentException.class, () -> RoomsConfig.builder().defaultRoom("the lobby").build())
                        .getMessage());
        assertEquals("defaultRoom \"lobby\" is not a valid room name: room is 5 characters, the maximum is 4",
                assertThrows(IllegalArgumentException.class, () -> RoomsConfig.builder().maxRoomNameLength(4).build())
                        .getMessage());
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS), "another thread could not change the rooms: the lock is held");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
