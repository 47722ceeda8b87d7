package dev.weft.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.rooms.NicknameClaim;
import dev.weft.core.rooms.PresentMember;
import dev.weft.core.rooms.RoomPresence;
import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis killed, restarted, hung or absent: the local rooms go on, the bridge comes back by itself. */
@ExtendWith(RedisServerExtension.class)
class RedisFailureTest {

    /** Scheduling slack on top of the command timeout for a machine shared by busy builds. */
    private static final Duration SLACK = Duration.ofMillis(1_500);

    @RegisterExtension
    final ChatNodes nodes = new ChatNodes();

    @Test
    void redisKilledAndRestartedMidConversationKeepsLocalRoomsAndResumesAcrossInstances(RedisServer redis)
            throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        a.say("lobby", "alice", "before");
        assertEquals("before", b.rooms.nextLine().line().text());

        redis.kill();
        Poll.until("a and b to notice Redis is gone", () -> !a.bridge.connected() && !b.bridge.connected());
        for (int i = 1; i <= 3; i++) {
            assertTrue(a.say("lobby", "alice", "during " + i), "a line is queued, not refused, while Redis is down");
        }
        assertInstanceOf(NicknameClaim.Unverified.class, a.join("lobby", "anne"), "a local join goes on without Redis");
        RoomPresence local = a.bridge.who("lobby");
        assertFalse(local.complete());
        assertEquals(List.of(new PresentMember("alice", "a"), new PresentMember("anne", "a")), local.members());

        redis.restart();
        Poll.until("a and b to reconnect", () -> a.bridge.connected() && b.bridge.connected());
        a.say("lobby", "alice", "after");

        List<String> got = new ArrayList<>();
        while (got.isEmpty() || !got.getLast().equals("after")) {
            got.add(b.rooms.nextLine().line().text());
        }
        List<String> said = List.of("during 1", "during 2", "during 3", "after");
        assertEquals(got, said.stream().filter(got::contains).toList(),
                "after the restart b gets lines of a in order, once, maybe without those said during the outage: " + got);
        assertEquals(1, a.bridge.metrics().link().reconnects());
        assertEquals(1, b.bridge.metrics().link().reconnects());
        Poll.until("the restarted Redis to know every member again", () -> b.bridge.who("lobby").members().equals(
                List.of(new PresentMember("alice", "a"), new PresentMember("anne", "a"), new PresentMember("bob", "b"))));
    }

    @Test
    void theFirstCommandsAfterARedisRestartFindRedisThoughTheirConnectionsDiedIdle(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        a.join("lobby", "alice");
        for (int i = 0; i < 20; i++) {
            assertTrue(a.bridge.who("lobby").complete(), "every command worker has an open connection now");
        }

        redis.kill();
        redis.restart();
        Poll.untilEqual("a to reconnect, its members re-asserted", 1, () -> a.bridge.metrics().link().reconnects());

        for (int i = 0; i < 20; i++) {
            assertEquals(new RoomPresence(List.of(new PresentMember("alice", "a")), true), a.bridge.who("lobby"),
                    "command " + i);
        }
    }

    @Test
    void aClientThreadNeverWaitsLongerThanTheCommandTimeoutForAHungRedis(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        a.join("lobby", "alice");
        Duration timeout = ChatNode.config(redis, "a").redis().commandTimeout();
        redis.pause();

        assertInstanceOf(NicknameClaim.Unverified.class, within(timeout.plus(SLACK), () -> a.join("lobby", "anne")));
        assertFalse(within(timeout.plus(SLACK), () -> a.bridge.who("lobby")).complete());
        assertEquals(List.of(), within(timeout.plus(SLACK), () -> a.bridge.history("lobby")));
        assertTrue(within(SLACK, (Supplier<Boolean>) () -> a.say("lobby", "alice", "queued")));
        assertTrue(a.bridge.metrics().link().commandTimeouts() >= 1, a.bridge.metrics().toString());

        redis.resume();
        Poll.until("anne to be claimed once Redis answers again", () -> a.bridge.who("lobby").members().size() == 2);
    }

    @Test
    void aFullPublishQueueDropsLinesAndCountsThemWithoutBlocking(RedisServer redis) throws Exception {
        ChatNode a = nodes.start(ChatNode.config(redis, "a").withPublishQueueCapacity(20));
        ChatNode b = nodes.connected(redis, "b");
        Poll.until("a to connect to Redis", a.bridge::connected);
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        redis.pause();

        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 2_000; i++) {
            if (within(SLACK, (Supplier<Boolean>) () -> a.say("lobby", "alice", "line " + accepted.size()))) {
                accepted.add("line " + accepted.size());
            } else {
                refused++;
            }
        }
        assertTrue(refused > 0, "nothing was refused: the queue did not fill");
        assertEquals(refused, a.bridge.metrics().delivery().dropped());

        redis.resume();
        for (String line : accepted) {
            assertEquals(line, b.rooms.nextLine().line().text(), "b gets every accepted line, in order");
        }
    }

    @Test
    void aBridgeStartedWithoutRedisWorksLocallyAndJoinsTheClusterWhenRedisComes(RedisServer redis) throws Exception {
        redis.kill();
        ChatNode a = nodes.start(ChatNode.config(redis, "a"));
        assertEquals(new NicknameClaim.Unverified("Redis is unreachable"), a.join("lobby", "alice"));

        redis.restart();
        Poll.until("a to connect to Redis", a.bridge::connected);
        ChatNode b = nodes.connected(redis, "b");

        Poll.until("alice to be claimed in Redis", () -> b.bridge.who("lobby").members().equals(
                List.of(new PresentMember("alice", "a"))));
        assertEquals(new NicknameClaim.Taken("a"), b.join("lobby", "alice"));
    }

    @Test
    void aNicknameGrantedOnTwoInstancesWhileRedisWasDownIsLostByOneOfThem(RedisServer redis) throws Exception {
        ChatNode a = nodes.connected(redis, "a");
        ChatNode b = nodes.connected(redis, "b");
        redis.kill();
        Poll.until("a and b to notice Redis is gone", () -> !a.bridge.connected() && !b.bridge.connected());
        assertInstanceOf(NicknameClaim.Unverified.class, a.join("lobby", "sam"));
        assertInstanceOf(NicknameClaim.Unverified.class, b.join("lobby", "sam"));

        redis.restart();

        Poll.until("one of a and b to lose sam", () -> a.rooms.lost.size() + b.rooms.lost.size() == 1);
        RecordingRooms.Lost lost = a.rooms.lost.isEmpty() ? b.rooms.lost.take() : a.rooms.lost.take();
        String winner = lost.holderInstance();
        assertEquals("sam", lost.nickname());
        Poll.until("sam to be held once", () -> a.bridge.who("lobby").members().equals(
                List.of(new PresentMember("sam", winner))));
    }

    @Test
    void closeLeavesNoThreadOfTheBridgeAliveWhetherRedisIsUpOrDown(RedisServer redis) {
        ChatNode up = nodes.connected(redis, "up");
        up.join("lobby", "alice");
        up.close();
        up.close();
        assertTrue(up.bridge.threads().stream().noneMatch(Thread::isAlive), "alive after close: " + up.bridge.threads());

        redis.kill();
        ChatNode down = nodes.start(ChatNode.config(redis, "down"));
        down.join("lobby", "bob");
        down.say("lobby", "bob", "unsent");
        down.close();
        assertEquals(6, down.bridge.threads().size());
        assertTrue(down.bridge.threads().stream().noneMatch(Thread::isAlive), "alive after close: " + down.bridge.threads());
        assertEquals(2, down.bridge.metrics().delivery().dropped(), "the queued join notice and line are dropped");
    }

    /** Runs {@code call} and fails if it took longer than {@code bound}. */
    private static <T> T within(Duration bound, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) <= 0, "took " + took + ", more than " + bound);
        return result;
    }
}
