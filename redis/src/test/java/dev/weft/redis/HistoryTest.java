package dev.weft.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Room history in a Redis Stream: what a joiner gets, whichever instance wrote it. */
@ExtendWith(RedisServerExtension.class)
class HistoryTest {

    private final List<ChatNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(ChatNode::close);
    }

    private ChatNode node(RedisServer redis, String name, RoomHistoryConfig history) {
        ChatNode node = new ChatNode(ChatNode.config(redis, name).withHistory(history));
        nodes.add(node);
        Poll.until(name + " to connect to Redis", node.bridge::connected);
        return node;
    }

    @Test
    void aJoinerGetsTheLastLinesOfTheRoomWhicheverInstanceWroteThem(RedisServer redis) throws Exception {
        RoomHistoryConfig lastFive = new RoomHistoryConfig(5, Duration.ofMinutes(10));
        ChatNode a = node(redis, "a", lastFive);
        ChatNode b = node(redis, "b", lastFive);
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        for (int i = 1; i <= 8; i++) {
            ChatNode speaker = i % 2 == 1 ? a : b;
            ChatNode listener = i % 2 == 1 ? b : a;
            speaker.say("lobby", i % 2 == 1 ? "alice" : "bob", "line " + i);
            assertEquals("line " + i, listener.rooms.nextLine().line().text());
        }
        ChatNode c = node(redis, "c", lastFive);
        c.join("lobby", "carol");

        List<RoomLine> history = c.bridge.history("lobby");

        assertEquals(List.of("bob: line 4", "alice: line 5", "bob: line 6", "alice: line 7", "bob: line 8"),
                history.stream().map(line -> line.nickname() + ": " + line.text()).toList());
        assertEquals(List.of("b", "a", "b", "a", "b"), history.stream().map(RoomLine::instance).toList());
        long ttl = redis.<Long>query(jedis -> jedis.pttl("weft:history:lobby"));
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(10).toMillis(), "history expires after the retention: " + ttl);
    }

    @Test
    void aRoomWithoutLinesHasAnEmptyHistory(RedisServer redis) {
        ChatNode a = node(redis, "a", RoomHistoryConfig.DEFAULTS);
        a.join("lobby", "alice");

        assertEquals(List.of(), a.bridge.history("lobby"));
    }

    @Test
    void noHistoryIsKeptWhenItsLengthIsZero(RedisServer redis) throws Exception {
        RoomHistoryConfig none = new RoomHistoryConfig(0, Duration.ofMinutes(1));
        ChatNode a = node(redis, "a", none);
        ChatNode b = node(redis, "b", none);
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        a.say("lobby", "alice", "not kept");
        assertEquals("not kept", b.rooms.nextLine().line().text());

        assertEquals(List.of(), b.bridge.history("lobby"));
        assertFalse(redis.<Boolean>query(jedis -> jedis.exists("weft:history:lobby")), "a history stream was written");
    }
}
