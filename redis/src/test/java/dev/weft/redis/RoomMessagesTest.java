package dev.weft.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.NicknameClaim;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomNotice;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.RedisServerExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room lines crossing instances through a real Redis: once each, in order, never back to their publisher. */
@ExtendWith(RedisServerExtension.class)
class RoomMessagesTest {

    @RegisterExtension
    final ChatNodes nodes = new ChatNodes();

    @Test
    void aLineSaidOnOneInstanceReachesTheRoomOnTheOther(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        assertInstanceOf(NicknameClaim.Claimed.class, a.join("lobby", "alice"));
        assertInstanceOf(NicknameClaim.Claimed.class, b.join("lobby", "bob"));
        assertEquals(new RoomNotice.Joined("bob", "b"), a.rooms.nextNotice().notice());

        assertTrue(a.say("lobby", "alice", "hello; 5:wr1 \n from a"));

        RecordingRooms.Delivered got = b.rooms.nextLine();
        assertEquals("lobby", got.room());
        assertEquals("alice", got.line().nickname());
        assertEquals("a", got.line().instance());
        assertEquals("hello; 5:wr1 \n from a", got.line().text());
        assertEquals(1, b.bridge.metrics().delivery().received(), "b joined after alice: it got her line only");
    }

    @Test
    void threeInstancesGetEachPublishersLinesOnceAndInOrderAndNeverTheirOwn(RedisServer redis) throws Exception {
        int perPublisher = 300;
        List<ChatNode> three = List.of(nodes.connected(redis, "a"), nodes.connected(redis, "b"), nodes.connected(redis, "c"));
        for (ChatNode node : three) {
            assertTrue(node.join("room", "m-" + node.bridge.instanceName()).granted());
        }
        List<Thread> speakers = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        for (ChatNode node : three) {
            String nick = "m-" + node.bridge.instanceName();
            speakers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    if (!node.say("room", nick, Integer.toString(i))) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread speaker : speakers) {
            speaker.join();
        }
        assertEquals(0, refused.get(), "lines refused by the publish queue");
        for (ChatNode node : three) {
            Map<String, Integer> next = new HashMap<>();
            for (int i = 0; i < 2 * perPublisher; i++) {
                RoomLine line = node.rooms.nextLine().line();
                int expected = next.getOrDefault(line.nickname(), 0);
                assertEquals(Integer.toString(expected), line.text(), "line of " + line.nickname() + " on "
                        + node.bridge.instanceName());
                next.put(line.nickname(), expected + 1);
            }
            assertEquals(2, next.size(), "publishers heard on " + node.bridge.instanceName() + ": " + next.keySet());
            assertTrue(!next.containsKey("m-" + node.bridge.instanceName()), "its own lines came back");
            assertNull(node.rooms.lines.poll(200, TimeUnit.MILLISECONDS), "a line beyond the expected ones");
            DeliveryCounts counts = node.bridge.metrics().delivery();
            assertEquals(0, counts.duplicates() + counts.missing() + counts.malformed() + counts.dropped(), counts.toString());
        }
    }

    @Test
    void linesOfOneRoomDoNotReachAnother(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("red", "alice");
        a.join("blue", "alice");
        b.join("blue", "bob");

        a.say("red", "alice", "only red");
        a.say("blue", "alice", "only blue");

        RecordingRooms.Delivered got = b.rooms.nextLine();
        assertEquals("blue", got.room());
        assertEquals("only blue", got.line().text());
        assertNull(b.rooms.lines.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aLeaveCarriesItsReasonSoOtherInstancesWordItTheSame(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        b.join("lobby", "carl");
        assertEquals(new RoomNotice.Joined("bob", "b"), a.rooms.nextNotice().notice());
        assertEquals(new RoomNotice.Joined("carl", "b"), a.rooms.nextNotice().notice());

        b.bridge.left("lobby", "bob", LeaveReason.EXPIRED);
        b.bridge.left("lobby", "carl", LeaveReason.MOVED);

        assertEquals(new RoomNotice.Left("bob", "b", LeaveReason.EXPIRED), a.rooms.nextNotice().notice());
        assertEquals(new RoomNotice.Left("carl", "b", LeaveReason.MOVED), a.rooms.nextNotice().notice());
    }

    @Test
    void anInstanceWhoseLastMemberLeftARoomNoLongerReceivesIt(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        b.join("other", "bob");
        assertEquals(new RoomNotice.Joined("bob", "b"), a.rooms.nextNotice().notice());
        b.leave("lobby", "bob");
        assertEquals(new RoomNotice.Left("bob", "b", LeaveReason.LEFT), a.rooms.nextNotice().notice());
        Poll.untilEqual("subscribers of the lobby's channel", 1, () -> RedisInspector.subscribers(redis, "weft:room:lobby"));

        a.say("lobby", "alice", "anyone?");
        a.join("other", "alice");
        a.say("other", "alice", "here");

        RecordingRooms.Delivered got = b.rooms.nextLine();
        assertEquals("other", got.room(), "the lobby line reached an instance with no member in the lobby");
    }

    @Test
    void onceWarmTheBridgeNeverPinsACarrierThread(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        exchange(a, b, "warm-up");
        try (PinningRecorder recorder = PinningRecorder.start()) {
            exchange(a, b, "measured");
            recorder.assertNoPinning();
        }
    }

    /** Joins, lines both ways, who, history, rename and leave: every path of the bridge once. */
    private static void exchange(ChatNode a, ChatNode b, String room) throws InterruptedException {
        a.join(room, "alice");
        b.join(room, "bob");
        a.say(room, "alice", "hi bob");
        b.say(room, "bob", "hi alice");
        assertEquals("hi bob", b.rooms.nextLine().line().text());
        assertEquals("hi alice", a.rooms.nextLine().line().text());
        assertEquals(2, a.bridge.who(room).members().size());
        assertEquals(2, b.bridge.history(room).size());
        b.rename(room, "bob", "robert");
        b.leave(room, "robert");
        a.leave(room, "alice");
    }

    @Test
    void aRenameIsAnnouncedAndFreesTheOldNickname(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        assertEquals(new RoomNotice.Joined("bob", "b"), a.rooms.nextNotice().notice());

        assertInstanceOf(NicknameClaim.Claimed.class, b.rename("lobby", "bob", "robert"));

        assertEquals(new RoomNotice.Renamed("bob", "robert", "b"), a.rooms.nextNotice().notice());
        assertInstanceOf(NicknameClaim.Claimed.class, a.join("lobby", "bob"));
        assertInstanceOf(NicknameClaim.Taken.class, a.join("lobby", "robert"));
    }
}
