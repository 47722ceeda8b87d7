package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(PinningRecorder.class)
class TcpServerLifecycleTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void portZeroBindsAnEphemeralPortReadableAfterStart() throws Exception {
        TcpServer server = servers.closeAfterwards(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        assertThrows(IllegalStateException.class, server::port);
        server.start();
        assertTrue(server.port() > 0);
        assertTrue(server.isRunning());
        try (TestClient client = new TestClient(server.port())) {
            client.send("ping\n");
            assertEquals("ping", client.readLine());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#available")
    void bindingAPortInUseNamesTheAddress(SocketIo io) throws Exception {
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        TcpServer second = servers.closeAfterwards(new TcpServer(
                TcpServerConfig.loopback(server.port()).toBuilder().socketIo(io).build(), TcpServerEchoTest.ECHO));
        BindException e = assertThrows(BindException.class, second::start);
        assertEquals("127.0.0.1:" + server.port() + " is already in use", e.getMessage());
    }

    @Test
    void aServerStartsOnlyOnce() throws Exception {
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        assertThrows(IllegalStateException.class, server::start);
    }

    @ParameterizedTest
    @EnumSource(ThreadMode.class)
    void stopLetsAConversationInProgressFinishWithinTheGracePeriod(ThreadMode mode) throws Exception {
        CountDownLatch inProgress = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().threadMode(mode).build();
        TcpServer server = servers.start(new TcpServer(config, connection -> {
            BufferedInput lines = new BufferedInput(connection);
            String request = lines.readLine(100);
            inProgress.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            connection.write(("done " + request + "\n").getBytes());
        }));
        int port = server.port();
        try (TestClient client = new TestClient(port)) {
            client.send("work\n");
            assertTrue(inProgress.await(10, TimeUnit.SECONDS));

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(30)));
            Poll.until("the server to stop accepting", () -> !server.isRunning() && refusesConnections(port));
            assertFalse(stopping.isDone(), "stop returned while a conversation was in progress");

            finish.countDown();
            assertEquals("done work", client.readLine());
            stopping.get(10, TimeUnit.SECONDS);
        }
        assertEquals(0, server.metrics().active());
        assertEquals(0, server.registry().size());
        assertNoThreadNamed(server.config().name() + "-conn-");
    }

    @ParameterizedTest
    @EnumSource(ThreadMode.class)
    void stopClosesConnectionsStillBusyAtTheDeadline(ThreadMode mode) throws Exception {
        CountDownLatch inProgress = new CountDownLatch(1);
        CountDownLatch handlerEnded = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().threadMode(mode).build();
        TcpServer server = servers.start(new TcpServer(config, connection -> {
            BufferedInput lines = new BufferedInput(connection);
            try {
                lines.readLine(100);
                inProgress.countDown();
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                handlerEnded.countDown();
            }
        }));
        Duration grace = Duration.ofMillis(300);
        try (TestClient client = new TestClient(server.port())) {
            client.send("work\n");
            assertTrue(inProgress.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            server.stop(grace);
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= grace.toNanos(), "stop returned before the grace period: " + elapsed + " ns");
            assertTrue(handlerEnded.await(0, TimeUnit.SECONDS), "the handler was still running after stop");
            assertEquals(-1, client.readByte());
        }
        assertEquals(0, server.metrics().active());
        assertNoThreadNamed(server.config().name() + "-conn-");
    }

    @Test
    void stopClosesIdleConnectionsAtOnce() throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            BufferedInput lines = new BufferedInput(connection);
            connection.idle(true);
            idle.countDown();
            assertNull(lines.readLine(100)); // ends when stop() closes the idle connection
        }));
        try (TestClient client = new TestClient(server.port())) {
            assertTrue(idle.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            server.stop(Duration.ofSeconds(30));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(),
                    "stop waited for the grace period although the connection was idle");
            assertEquals(-1, client.readByte());
        }
    }

    @Test
    void aConnectionClosedByStopWhileIdleIsToldSoWhenItGoesBusyAgain() throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        CountDownLatch goBusy = new CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Boolean> stillOpen = new java.util.concurrent.CompletableFuture<>();
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            connection.idle(true);
            idle.countDown();
            try {
                goBusy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // As if a request had arrived just as the server stopped: it must not be served.
            stillOpen.complete(connection.idle(false));
        }));
        try (TestClient client = new TestClient(server.port())) {
            assertTrue(idle.await(10, TimeUnit.SECONDS));
            Thread stopper = Thread.ofVirtual().start(() -> server.stop(Duration.ofSeconds(30)));
            assertEquals(-1, client.readByte(), "the stopping server closed the idle connection");
            goBusy.countDown();
            assertEquals(false, stillOpen.get(10, TimeUnit.SECONDS));
            assertTrue(stopper.join(Duration.ofSeconds(20)));
        }
    }

    @Test
    void stopAndCloseAreIdempotentAndAllowedBeforeStart() throws Exception {
        TcpServer unstarted = new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO);
        unstarted.close();
        unstarted.stop(Duration.ZERO);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        server.stop(Duration.ZERO);
        server.close();
        assertFalse(server.isRunning());
        server.awaitStop(); // returns at once once stopped
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void assertNoThreadNamed(String prefix) {
        // Platform threads are listed here; virtual ones are checked through the handler latches.
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix)),
                "a thread named " + prefix + "* is still alive");
    }
}
