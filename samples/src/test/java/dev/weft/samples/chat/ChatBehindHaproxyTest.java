package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import dev.weft.testing.external.HaproxyServer;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.RedisServerExtension;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end, as deployed: a real redis-server, three chat instances, and a real HAProxy in front
 * of them — TCP mode for the line chat, HTTP mode for the web side, both checking each instance's
 * {@code GET /health} — with clients that only know HAProxy's ports.
 */
@ExtendWith(RedisServerExtension.class)
class ChatBehindHaproxyTest {

    @RegisterExtension
    final ChatCluster cluster = new ChatCluster();

    @Test
    void clientsSpreadOverThreeInstancesByHaproxyTalkAcrossThemAndHealthChecksFollowRedis(RedisServer redis)
            throws Exception {
        List<ChatInstance> instances = List.of(cluster.connected(redis, "chat-1"), cluster.connected(redis, "chat-2"),
                cluster.connected(redis, "chat-3"));
        HaproxyServer haproxy = cluster.closeLater(HaproxyServer.start(2, ports -> config(ports, instances)));
        URI health = URI.create("http://127.0.0.1:" + haproxy.port(1) + "/health");
        Poll.untilEqual("HAProxy's web side to answer 200", 200, () -> HealthProbe.status(health));

        ChatClient ann = cluster.closeLater(ChatClient.named(haproxy.port(0), "ann"));
        ChatClient bob = cluster.closeLater(ChatClient.named(haproxy.port(0), "bob"));
        ChatClient cal = cluster.closeLater(ChatClient.named(haproxy.port(0), "cal"));

        assertEquals(List.of(1, 1, 1), instances.stream().map(i -> i.app.rooms().who("lobby").size()).toList(),
                "round robin put one client on each instance");
        ann.say("hello, whoever you are connected to");
        assertEquals("ann: hello, whoever you are connected to", bob.readChatLine());
        assertEquals("ann: hello, whoever you are connected to", cal.readChatLine());
        cal.say("/who");
        assertEquals("* online: ann, bob, cal", cal.readUntil("* online"));
        assertTrue(HealthProbe.get(health).body().contains("redis: connected"), "the web side reaches an instance's /health");

        redis.kill();
        Poll.untilEqual("HAProxy to take every instance out (they answer 503)", 503, () -> HealthProbe.status(health));
        bob.say("/who");
        assertEquals("* online: bob (this server only: the other servers cannot be reached)", bob.readUntil("* online"),
                "connected clients stay with their instance, which keeps serving them");
        redis.restart();
        Poll.untilEqual("HAProxy to put the instances back", 200, () -> HealthProbe.status(health));
        Poll.until("a line of ann's to reach bob again", () -> ann.reaches(bob, "ann"));
    }

    /**
     * The deployment's configuration (as in {@code scripts/cluster.sh} and the README), with
     * round robin for a predictable spread and fast checks for a quick test.
     */
    private static String config(int[] ports, List<ChatInstance> instances) {
        String chatServers = instances.stream().map(i -> "    server %s 127.0.0.1:%d check port %d"
                .formatted(i.name, i.tcpPort(), i.httpPort())).collect(Collectors.joining("\n"));
        String webServers = instances.stream().map(i -> "    server %s 127.0.0.1:%d check"
                .formatted(i.name, i.httpPort())).collect(Collectors.joining("\n"));
        String checks = """
                    option httpchk
                    http-check send meth GET uri /health
                    http-check expect status 200
                    default-server inter 200ms fall 1 rise 1
                """;
        return """
                defaults
                    retries 2
                    option redispatch
                    timeout connect 2s
                    timeout client 1m
                    timeout server 1m
                    timeout tunnel 1m
                frontend chat_lines
                    mode tcp
                    bind 127.0.0.1:%d
                    default_backend chat_lines
                backend chat_lines
                    mode tcp
                    balance roundrobin
                %s%s
                frontend web
                    mode http
                    bind 127.0.0.1:%d
                    default_backend web
                backend web
                    mode http
                    balance roundrobin
                %s%s
                """.formatted(ports[0], checks, chatServers, ports[1], checks, webServers);
    }


}
