package dev.weft.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.NicknameClaim;
import dev.weft.core.rooms.PresentMember;
import dev.weft.core.rooms.RoomNotice;
import dev.weft.core.rooms.RoomPresence;
import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.RedisServerExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who is where across instances: unique nicknames per room, and what happens when an instance goes. */
@ExtendWith(RedisServerExtension.class)
class PresenceTest {

    @RegisterExtension
    final ChatNodes nodes = new ChatNodes();

    @Test
    void aNicknameHeldInARoomOnOneInstanceIsRefusedInThatRoomOnAnother(RedisServer redis) {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        assertInstanceOf(NicknameClaim.Claimed.class, a.join("lobby", "alice"));

        assertEquals(new NicknameClaim.Taken("a"), b.join("lobby", "alice"));
        assertInstanceOf(NicknameClaim.Claimed.class, b.join("kitchen", "alice"), "nicknames are unique per room");
        assertInstanceOf(NicknameClaim.Claimed.class, b.join("lobby", "bob"));
        assertEquals(new NicknameClaim.Taken("a"), b.rename("lobby", "bob", "alice"));
        assertEquals(List.of(new PresentMember("alice", "a"), new PresentMember("bob", "b")), a.bridge.who("lobby").members());
    }

    @Test
    void aNicknameReleasedOnOneInstanceCanBeClaimedOnAnother(RedisServer redis) {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        a.leave("lobby", "alice");

        Poll.until("alice to be released", () -> b.bridge.who("lobby").members().isEmpty());
        assertInstanceOf(NicknameClaim.Claimed.class, b.join("lobby", "alice"));
    }

    @Test
    void aClaimGivenBackAfterALocalRefusalFreesTheNicknameAndTellsNobody(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        b.join("lobby", "bob");
        assertInstanceOf(NicknameClaim.Claimed.class, a.bridge.claim("lobby", "alice"));
        a.bridge.release("lobby", "alice");

        Poll.until("alice to be released", () -> b.bridge.who("lobby").members().size() == 1);
        assertInstanceOf(NicknameClaim.Claimed.class, b.join("lobby", "alice"));
        a.bridge.publish("lobby", "x", "a line after the release, to be sure nothing came before it");
        assertEquals("a line after the release, to be sure nothing came before it", b.rooms.nextLine().line().text());
        assertNull(b.rooms.notices.poll(), "a released claim announces nothing");
    }

    @Test
    void whoListsTheMembersOfEveryInstance(RedisServer redis) {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        ChatNode c = nodes.connected(redis, "c");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        c.join("lobby", "carol");
        c.join("kitchen", "dave");

        RoomPresence lobby = a.bridge.who("lobby");

        assertTrue(lobby.complete());
        assertEquals(List.of(new PresentMember("alice", "a"), new PresentMember("bob", "b"), new PresentMember("carol", "c")),
                lobby.members());
    }

    @Test
    void aKilledInstanceLeavesPresenceWithinTheBoundAndEachOfItsMembersLeaveIsAnnouncedOnce(RedisServer redis)
            throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        ChatNode c = nodes.connected(redis, "c");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        b.join("kitchen", "bob");
        c.join("lobby", "carol");
        c.join("lobby", "chris");
        c.join("kitchen", "cook");
        expectJoins(a, 3);
        expectJoins(b, 3);

        long killedAt = System.nanoTime();
        c.bridge.halt();
        Poll.until("c's members to leave the lobby's presence",
                () -> a.bridge.who("lobby").members().stream().noneMatch(m -> m.instance().equals("c")));
        Duration gone = Duration.ofNanos(System.nanoTime() - killedAt);

        Duration bound = ChatNode.config(redis, "c").presence().lostInstanceBound();
        assertTrue(gone.compareTo(bound.plus(Duration.ofSeconds(3))) < 0,
                "c left presence after " + gone + "; the bound is " + bound + " (plus 3 s of slack for a busy machine)");
        assertEquals(Set.of(lost("lobby", "carol"), lost("lobby", "chris")), notices(a, 2));
        assertEquals(Set.of(lost("lobby", "carol"), lost("lobby", "chris"), lost("kitchen", "cook")), notices(b, 3));
        assertNull(a.rooms.notices.poll(1, TimeUnit.SECONDS), "a notice beyond one per lost member");
        assertNull(b.rooms.notices.poll(100, TimeUnit.MILLISECONDS), "a notice beyond one per lost member");
        assertEquals(1, a.bridge.metrics().link().instancesReaped() + b.bridge.metrics().link().instancesReaped(),
                "survivors that reaped c");
        assertInstanceOf(NicknameClaim.Claimed.class, a.join("lobby", "carol"), "carol is free again");
    }

    @Test
    void aClosedInstanceAnnouncesItsRemainingMembersAsStopped(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        expectJoins(a, 1);

        b.close();

        assertEquals(new RoomNotice.Left("bob", "b", LeaveReason.INSTANCE_STOPPED), a.rooms.nextNotice().notice());
        assertEquals(List.of(new PresentMember("alice", "a")), a.bridge.who("lobby").members());
    }

    @Test
    void anInstanceTakenForLostClaimsItsMembersBackAndAnnouncesThemAgain(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        expectJoins(a, 1);

        // a stalls past its TTL, as far as b can tell: its heartbeat key vanishes until b reaps it.
        String heartbeat = "weft:alive:" + a.bridge.instanceId();
        Poll.until("b to reap a", () -> {
            RedisInspector.query(redis, jedis -> jedis.del(heartbeat));
            return b.bridge.metrics().link().instancesReaped() == 1;
        });

        assertEquals(new RoomNotice.Left("alice", "a", LeaveReason.INSTANCE_LOST), b.rooms.nextNotice().notice());
        assertEquals(new RoomNotice.Joined("alice", "a"), b.rooms.nextNotice().notice());
        Poll.until("alice back in the lobby's presence",
                () -> b.bridge.who("lobby").members().contains(new PresentMember("alice", "a")));
        assertEquals(new NicknameClaim.Taken("a"), b.join("lobby", "alice"));
    }

    private static RecordingRooms.Noticed lost(String room, String nickname) {
        return new RecordingRooms.Noticed(room, new RoomNotice.Left(nickname, "c", LeaveReason.INSTANCE_LOST));
    }

    /** The next {@code count} notices of {@code node}; fails if one comes twice. */
    private static Set<RecordingRooms.Noticed> notices(ChatNode node, int count) throws InterruptedException {
        Set<RecordingRooms.Noticed> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            RecordingRooms.Noticed next = node.rooms.nextNotice();
            assertTrue(seen.add(next), "twice: " + next);
        }
        return seen;
    }

    /** Takes the join notices the set-up caused. */
    private static void expectJoins(ChatNode node, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertInstanceOf(RoomNotice.Joined.class, node.rooms.nextNotice().notice());
        }
    }
}
