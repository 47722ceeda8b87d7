package dev.weft.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.rooms.RoomLine;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room history in a Redis Stream: what a joiner gets, whichever instance wrote it. */
@ExtendWith(RedisServerExtension.class)
class HistoryTest {

    @RegisterExtension
    final ChatNodes nodes = new ChatNodes();

    @Test
    void aJoinerGetsTheLastLinesOfTheRoomWhicheverInstanceWroteThem(RedisServer redis) throws Exception {
        RoomHistoryConfig lastFive = new RoomHistoryConfig(5, Duration.ofMinutes(10));
        ChatNode a = nodes.connected(ChatNode.config(redis, "a").withHistory(lastFive));
        ChatNode b = nodes.connected(ChatNode.config(redis, "b").withHistory(lastFive));
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        for (int i = 1; i <= 8; i++) {
            ChatNode speaker = i % 2 == 1 ? a : b;
            ChatNode listener = i % 2 == 1 ? b : a;
            speaker.say("lobby", i % 2 == 1 ? "alice" : "bob", "line " + i);
            assertEquals("line " + i, listener.rooms.nextLine().line().text());
        }
        ChatNode c = nodes.connected(ChatNode.config(redis, "c").withHistory(lastFive));
        c.join("lobby", "carol");

        List<RoomLine> history = c.bridge.history("lobby");

        assertEquals(List.of("bob: line 4", "alice: line 5", "bob: line 6", "alice: line 7", "bob: line 8"),
                history.stream().map(line -> line.nickname() + ": " + line.text()).toList());
        assertEquals(List.of("b", "a", "b", "a", "b"), history.stream().map(RoomLine::instance).toList());
        long ttl = RedisInspector.<Long>query(redis, jedis -> jedis.pttl("weft:history:lobby"));
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(10).toMillis(), "history expires after the retention: " + ttl);
    }

    @Test
    void aRoomWithoutLinesHasAnEmptyHistory(RedisServer redis) {
        ChatNode a = nodes.connected(redis, "a");
        a.join("lobby", "alice");

        assertEquals(List.of(), a.bridge.history("lobby"));
    }

    @Test
    void noHistoryIsKeptWhenItsLengthIsZero(RedisServer redis) throws Exception {
        RoomHistoryConfig none = new RoomHistoryConfig(0, Duration.ofMinutes(1));
        ChatNode a = nodes.connected(ChatNode.config(redis, "a").withHistory(none));
        ChatNode b = nodes.connected(ChatNode.config(redis, "b").withHistory(none));
        a.join("lobby", "alice");
        b.join("lobby", "bob");
        a.say("lobby", "alice", "not kept");
        assertEquals("not kept", b.rooms.nextLine().line().text());

        assertEquals(List.of(), b.bridge.history("lobby"));
        assertFalse(RedisInspector.<Boolean>query(redis, jedis -> jedis.exists("weft:history:lobby")), "a history stream was written");
    }
}
