package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.RedisServerExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat sample as a cluster: two and three instances sharing their rooms through a real
 * {@code redis-server}, with real TCP clients and UDP peers on real sockets.
 */
@ExtendWith(RedisServerExtension.class)
class ChatClusterTest {

    @RegisterExtension
    final ChatCluster cluster = new ChatCluster();

    @Test
    void linesSaidOnOneInstanceReachTheRoomOnAnotherOnceEachAndInOrder(RedisServer redis) throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        ChatInstance b = cluster.connected(redis, "b");
        ChatClient ann = cluster.closeLater(a.member("ann"));
        ChatClient bob = cluster.closeLater(b.member("bob"));
        ChatClient cat = cluster.closeLater(b.member("cat"));

        for (int i = 1; i <= 20; i++) {
            ann.say("line " + i);
        }
        for (int i = 1; i <= 20; i++) {
            assertEquals("ann: line " + i, bob.readChatLine());
            assertEquals("ann: line " + i, cat.readChatLine());
        }
        bob.say("back to you");

        assertEquals("bob: back to you", ann.readChatLine(), "nothing came twice before it");
        assertEquals("bob: back to you", cat.readChatLine());
        ann.say("last");
        assertEquals("ann: last", bob.readChatLine(), "nothing came twice before it");
    }

    @Test
    void threeInstancesShareOneRoom(RedisServer redis) throws Exception {
        ChatClient[] members = new ChatClient[3];
        String[] names = {"ann", "bob", "cal"};
        for (int i = 0; i < 3; i++) {
            members[i] = cluster.closeLater(cluster.connected(redis, "chat-" + i).member(names[i]));
        }

        for (int i = 0; i < 3; i++) {
            members[i].say("hello from " + names[i]);
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    assertEquals(names[i] + ": hello from " + names[i], members[j].readChatLine());
                }
            }
        }
        members[1].say("/who");
        assertEquals("* online: ann, bob, cal", members[1].readUntil("* online"));
    }

    @Test
    void tcpAndUdpMembersOnDifferentInstancesHearEachOther(RedisServer redis) throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        ChatInstance b = cluster.connected(redis, "b");
        ChatClient ann = cluster.closeLater(a.member("ann"));
        UdpPeer bob = cluster.closeLater(new UdpPeer(b.udpAddress()));

        bob.send("JOIN lobby bob");
        assertEquals("OK joined lobby as bob", bob.readUntil("OK"));
        assertEquals("* bob joined", ann.readUntil("* bob"));
        bob.send("MSG hi from udp on b");
        assertEquals("bob: hi from udp on b", ann.readChatLine());
        ann.say("hi from tcp on a");
        assertEquals("ann: hi from tcp on a", bob.readUntil(line -> !line.startsWith("* ")));
    }

    @Test
    void aNicknameIsUniqueInItsRoomAcrossInstancesAndProtocols(RedisServer redis) throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        ChatInstance b = cluster.connected(redis, "b");
        ChatClient ann = cluster.closeLater(a.member("ann"));
        ChatClient bob = cluster.closeLater(b.member("bob"));
        UdpPeer peer = cluster.closeLater(new UdpPeer(b.udpAddress()));

        bob.say("/nick ann");
        assertEquals("! nickname ann is taken", bob.readUntilAnswer());
        peer.send("JOIN lobby ann");
        assertEquals("ERR nickname ann is taken", peer.readUntil("ERR"));
        bob.say("/join kitchen");
        bob.say("/nick ann");
        assertEquals("* you are now ann", bob.readUntil("* you are now"), "unique per room, not everywhere");

        ann.say("/nick anna");
        assertEquals("* you are now anna", ann.readUntilAnswer());
        Poll.until("ann to be free in the lobby for a peer of b", () -> joins(peer, "JOIN lobby ann"));
    }

    @Test
    void aMemberEnteringARoomIsSentItsHistoryWhicheverInstanceItWasSaidOn(RedisServer redis) throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        ChatInstance b = cluster.connected(redis, "b");
        ChatInstance c = cluster.connected(redis, "c");
        ChatClient ann = cluster.closeLater(a.member("ann"));
        ChatClient bob = cluster.closeLater(b.member("bob"));
        ann.say("one");
        assertEquals("ann: one", bob.readChatLine());
        bob.say("two");
        assertEquals("bob: two", ann.readChatLine());
        ann.say("three");
        assertEquals("ann: three", bob.readChatLine());
        Poll.untilEqual("the lobby's history", 3, () -> c.bridge.history("lobby").size());

        ChatClient late = cluster.closeLater(new ChatClient(c.tcpPort()));

        assertEquals("ann: one", late.read());
        assertEquals("bob: two", late.read());
        assertEquals("ann: three", late.read());
        assertTrue(late.read().startsWith("* welcome, "), "the history comes first");
        assertTrue(bob.read().endsWith(" joined"), "the others are told of the join, not sent the history");
    }

    @Test
    void theMembersOfAKilledInstanceLeaveOnceForEachSurvivorAndTheirNicknamesAreFreed(RedisServer redis)
            throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        ChatInstance b = cluster.connected(redis, "b");
        ChatProcess doomed = cluster.closeLater(ChatProcess.start(redis.uri(), "doomed"));
        ChatClient ann = cluster.closeLater(a.member("ann"));
        ChatClient bob = cluster.closeLater(b.member("bob"));
        ChatClient carl = cluster.closeLater(ChatClient.named(doomed.tcpPort(), "carl"));
        ann.readUntilContaining(" is now carl");
        bob.readUntilContaining(" is now carl");

        doomed.kill();

        assertEquals("* carl left (server lost)", ann.readUntil("* carl"));
        assertEquals("* carl left (server lost)", bob.readUntil("* carl"));
        bob.say("/nick carl");
        assertEquals("* you are now carl", bob.readUntilAnswer(), "the lost member's nickname is free again");
        assertEquals("* bob is now carl", ann.read(), "the leave was announced once");
    }

    @Test
    void redisKilledAndRestartedMidConversationLeavesLocalChatAloneAndDeliveryAcrossResumes(RedisServer redis)
            throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        ChatInstance b = cluster.connected(redis, "b");
        ChatClient ann = cluster.closeLater(a.member("ann"));
        ChatClient amy = cluster.closeLater(a.member("amy"));
        ChatClient bob = cluster.closeLater(b.member("bob"));
        ann.say("before");
        assertEquals("ann: before", amy.readChatLine());
        assertEquals("ann: before", bob.readChatLine());
        assertEquals(200, HealthProbe.status(a.health()));

        redis.kill();
        Poll.until("a to notice Redis is gone", () -> !a.bridge.connected());
        ann.say("while redis is down");
        assertEquals("ann: while redis is down", amy.readChatLine(), "local chat goes on");
        assertEquals(503, HealthProbe.status(a.health()), "load balancers send new clients elsewhere");
        amy.say("/who");
        assertEquals("* online: amy, ann (this server only: the other servers cannot be reached)", amy.readUntil("* online"));

        redis.restart();
        Poll.until("a and b to reconnect", () -> a.bridge.connected() && b.bridge.connected());
        assertEquals(200, HealthProbe.status(a.health()));
        Poll.until("a line of ann's to reach bob again", () -> ann.reaches(bob, "ann"));
        amy.say("/who");
        assertEquals("* online: amy, ann, bob", amy.readUntil("* online"), "presence re-asserted in the new Redis");
    }

    @Test
    void healthSays503WhileRedisIsUnreachableAnd200OtherwiseWithOrWithoutRedis(RedisServer redis) throws Exception {
        ChatInstance a = cluster.connected(redis, "a");
        HttpResponse<String> up = HealthProbe.get(a.health());
        assertEquals(200, up.statusCode());
        assertEquals("ok\nredis: connected\ninstance: a\n", up.body());

        redis.kill();
        Poll.untilEqual("/health to be 503", 503, () -> HealthProbe.status(a.health()));
        assertEquals("unavailable\nredis: unreachable\ninstance: a\n", HealthProbe.get(a.health()).body());
        redis.restart();

        Poll.untilEqual("/health to be 200 again", 200, () -> HealthProbe.status(a.health()));
    }

    /** Whether {@code peer} could join with {@code join}. */
    private static boolean joins(UdpPeer peer, String join) {
        try {
            peer.send(join);
            return peer.readUntil(line -> line.startsWith("OK") || line.startsWith("ERR")).startsWith("OK");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }


}
