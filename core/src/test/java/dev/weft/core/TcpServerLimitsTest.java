package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(PinningRecorder.class)
class TcpServerLimitsTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#available")
    void anIdleClientIsClosedAfterTheIdleTimeout(SocketIo io) throws Exception {
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder().socketIo(io)
                .idleTimeout(Duration.ofMillis(200)).build(), connection -> {
                    BufferedInput lines = new BufferedInput(connection);
                    try {
                        lines.readLine(100);
                    } catch (IOException e) {
                        outcome.add(e);
                        throw e;
                    }
                }));
        try (TestClient client = new TestClient(server.port())) {
            assertEquals(-1, client.readByte(), "the server did not close the idle connection");
        }
        assertTrue(outcome.poll(10, TimeUnit.SECONDS) instanceof SocketTimeoutException);
        Poll.untilEquals("idle timeouts", 1L, () -> server.metrics().idleTimeouts());
        Poll.untilEquals("registry size", 0, () -> server.registry().size());
    }

    @Test
    void aPerConnectionReadTimeoutOverridesTheIdleTimeout() throws Exception {
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            BufferedInput lines = new BufferedInput(connection);
            connection.readTimeout(Duration.ofMillis(100));
            assertEquals(Duration.ofMillis(100), connection.readTimeout());
            lines.readLine(100);
        }));
        try (TestClient client = new TestClient(server.port())) {
            assertEquals(-1, client.readByte());
        }
        Poll.untilEquals("idle timeouts", 1L, () -> server.metrics().idleTimeouts());
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnceAndCounted() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().maxConnections(2).build();
        TcpServer server = servers.start(new TcpServer(config, connection -> {
            BufferedInput lines = new BufferedInput(connection);
            lines.readLine(10);
            bothInside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection.write("served\n".getBytes());
        }));
        try (TestClient first = new TestClient(server.port());
             TestClient second = new TestClient(server.port())) {
            first.send("a\n");
            second.send("b\n");
            assertTrue(bothInside.await(10, TimeUnit.SECONDS));
            try (TestClient third = new TestClient(server.port())) {
                assertEquals(-1, third.readByte(), "a third connection was served over the limit of 2");
            }
            assertEquals(1, server.metrics().rejected());
            assertEquals(2, server.metrics().active());

            release.countDown();
            assertEquals("served", first.readLine());
            assertEquals("served", second.readLine());
        }
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
        // A slot is free again: a new client is served.
        CountDownLatch servedAgain = new CountDownLatch(1);
        try (TestClient fourth = new TestClient(server.port())) {
            fourth.send("c\n");
            release.countDown();
            assertEquals("served", fourth.readLine());
            servedAgain.countDown();
        }
        assertTrue(servedAgain.await(0, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#available")
    void aWriteToAPeerThatStopsReadingTimesOutAndFreesTheThread(SocketIo io) throws Exception {
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder().socketIo(io)
                .writeTimeout(Duration.ofMillis(300))
                .socketOptions(SocketOptions.DEFAULTS.withSendBufferBytes(16_384)).build(), connection -> {
                    byte[] chunk = new byte[64 * 1024];
                    try {
                        for (int i = 0; i < 4_096; i++) { // 256 MiB: far beyond any socket buffer
                            connection.write(chunk);
                        }
                        outcome.add(new AssertionError("the peer absorbed 256 MiB without reading"));
                    } catch (IOException e) {
                        outcome.add(e);
                        throw e;
                    }
                }));
        try (TestClient client = new TestClient(server.port())) {
            client.socket().setReceiveBufferSize(16_384);
            Throwable thrown = outcome.poll(20, TimeUnit.SECONDS);
            assertTrue(thrown instanceof IOException, "expected the write to fail, got " + thrown);
        }
        assertEquals(1, server.metrics().writeTimeouts());
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
    }

    @Test
    void aThrowingHandlerEndsOnlyItsOwnConnection() throws Exception {
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            BufferedInput lines = new BufferedInput(connection);
            String line;
            while ((line = lines.readLine(100)) != null) {
                if (line.equals("boom")) {
                    throw new IllegalStateException("handler bug on purpose");
                }
                connection.write((line + "\n").getBytes());
            }
        }));
        try (TestClient healthy = new TestClient(server.port());
             TestClient doomed = new TestClient(server.port())) {
            healthy.send("one\n");
            assertEquals("one", healthy.readLine());
            doomed.send("boom\n");
            assertEquals(-1, doomed.readByte());
            healthy.send("two\n");
            assertEquals("two", healthy.readLine());
        }
        assertEquals(1, server.metrics().handlerFailures());
        Poll.untilEquals("registry size", 0, () -> server.registry().size());
        assertTrue(server.isRunning());
    }

    @Test
    void invalidConfigurationIsRejectedWithTheOffendingValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TcpServerConfig.builder().maxConnections(0).build());
        assertEquals("maxConnections must be > 0: 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TcpServerConfig.builder().port(70_000).build());
        assertThrows(IllegalArgumentException.class,
                () -> TcpServerConfig.builder().idleTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class,
                () -> SocketOptions.DEFAULTS.withReceiveBufferBytes(0));
    }
}
