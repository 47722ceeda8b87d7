package dev.weft.samples.chat;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.redis.PresenceTiming;
import dev.weft.redis.RedisEndpoint;
import dev.weft.redis.RedisRoomBridge;
import dev.weft.redis.RoomBridgeConfig;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One instance of the chat sample in the test's JVM, wired by its own {@link ChatComponent} as
 * {@code chat --udp-port 0 --http-port 0 --redis URI --instance NAME} wires it, on loopback ports
 * 0, with the Redis bridge tuned for tests: heartbeats every 200 ms valid 2 s, commands bounded
 * by 500 ms, reconnection after 20 to 300 ms.
 */
final class ChatInstance implements AutoCloseable {

    final String name;
    final ChatComponent app;
    final RedisRoomBridge bridge;
    private final TcpServer tcp;
    private final UdpServer udp;
    private final HttpServer http;

    private ChatInstance(String name, ChatComponent app) throws IOException {
        this.name = name;
        this.app = app;
        this.bridge = app.cluster().orElseThrow().start();
        this.tcp = app.server().start();
        this.udp = app.udpServer().start();
        this.http = app.httpServer().start();
    }

    /** Starts an instance named {@code name} on Redis at {@code redisUri}; does not wait for Redis. */
    static ChatInstance start(String redisUri, String name) throws IOException {
        RoomBridgeConfig bridge = RoomBridgeConfig.of(testEndpoint(redisUri), name)
                .withPresence(new PresenceTiming(Duration.ofMillis(200), Duration.ofSeconds(2)));
        ChatComponent app = DaggerChatComponent.factory().create(TcpServerConfig.loopback(0), ChatConfig.DEFAULTS,
                RoomsConfig.DEFAULTS, UdpServerConfig.loopback(0), RelayConfig.DEFAULTS,
                HttpServerConfig.loopback(0), Optional.of(bridge));
        return new ChatInstance(name, app);
    }

    /** Redis at {@code uri} with the tests' timings. */
    static RedisEndpoint testEndpoint(String uri) {
        return RedisEndpoint.of(uri).withCommandTimeout(Duration.ofMillis(500)).withConnectTimeout(Duration.ofMillis(500))
                .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(300));
    }

    int tcpPort() {
        return tcp.port();
    }

    int httpPort() {
        return http.port();
    }

    InetSocketAddress udpAddress() {
        return new InetSocketAddress("127.0.0.1", udp.port());
    }

    URI health() {
        return http.uri("/health");
    }

    /** A TCP client of this instance, welcomed, then renamed {@code nickname}. */
    ChatClient member(String nickname) throws IOException {
        return ChatClient.named(tcpPort(), nickname);
    }

    /** Stops the servers — their members leave — then the bridge. */
    @Override
    public void close() {
        http.close();
        udp.close();
        tcp.close();
        bridge.close();
    }

    @Override
    public String toString() {
        return "chat instance " + name;
    }
}
