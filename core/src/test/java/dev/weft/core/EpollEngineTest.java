package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The epoll engine's own poller, through a real server: what wakes a parked thread, what a reset
 * does, that registrations and threads do not leak, and that stop ends the poller.
 */
@ExtendWith(PinningRecorder.class)
class EpollEngineTest {

    private static final Path OWN_FDS = Path.of("/proc/self/fd");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpServer server;

    @BeforeAll
    static void epollRunsHere() {
        assumeTrue(SocketIos.epollRuns(), "epoll needs Linux x86_64 and Java 22+");
    }

    private TcpServer start(ConnectionHandler handler) throws IOException {
        server = servers.start(new TcpServer(
                TcpServerConfig.loopback(0).toBuilder().name("epoll").socketIo(SocketIo.EPOLL).build(), handler));
        return server;
    }

    @Test
    void autoChoosesEpollWhereItRunsAndNativeAccessIsGranted() throws Exception {
        server = servers.start(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        assertEquals(SocketIo.EPOLL, server.socketIo());
    }

    @Test
    void aReaderParkedOnThePollerWakesAndFailsWhenItsConnectionIsClosed() throws Exception {
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(1);
        BlockingQueue<Thread> readers = new ArrayBlockingQueue<>(1);
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        start(connection -> {
            connections.add(connection);
            readers.add(Thread.currentThread());
            try {
                connection.read(new byte[16], 0, 16);
                outcome.add(new AssertionError("the read returned"));
            } catch (IOException e) {
                outcome.add(e);
            }
        });
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            Connection connection = connections.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Thread reader = readers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Poll.until("the reader to park", () -> reader.getState() == Thread.State.WAITING);

            connection.close();

            assertInstanceOf(SocketException.class, outcome.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(-1, client.getInputStream().read(), "the client did not see the close");
        }
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
    }

    @Test
    void aPeerResetFailsTheParkedReadAsAResetAndLeavesNothingBehind() throws Exception {
        BlockingQueue<Thread> readers = new ArrayBlockingQueue<>(1);
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        start(connection -> {
            readers.add(Thread.currentThread());
            byte[] buffer = new byte[16];
            try {
                while (connection.read(buffer, 0, buffer.length) > 0) {
                    // drain until the reset
                }
                outcome.add(new AssertionError("the stream ended instead of failing"));
            } catch (IOException e) {
                outcome.add(e);
            }
        });
        long socketsBefore = openTcpSockets();
        TestClient client = new TestClient(server.port());
        client.send("some bytes, then a reset");
        Thread reader = readers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Poll.until("the reader to park", () -> reader.getState() == Thread.State.WAITING);

        client.reset();

        Throwable failure = outcome.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertInstanceOf(SocketException.class, failure);
        assertEquals("Connection reset", failure.getMessage());
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
        Poll.untilEquals("closed connections", 1L, () -> server.metrics().closed());
        Poll.until("open sockets back to " + socketsBefore, () -> openTcpSockets() <= socketsBefore);
    }

    @Test
    void tenThousandIdleConnectionsAreRegisteredAndReleasedWithoutLeakingDescriptorsOrThreads() throws Exception {
        assumeTrue(Files.isDirectory(OWN_FDS), "needs /proc/self/fd");
        start(TcpServerEchoTest.ECHO);
        long serverThreads = server.metrics().threads(); // the acceptor and the poller's two
        long socketsBefore = openTcpSockets();
        int platformThreadsBefore = Thread.activeCount();
        int waves = 4;
        int perWave = 2_500; // held idle at once: 2,500 client and 2,500 server descriptors
        for (int wave = 0; wave < waves; wave++) {
            List<Socket> idle = new ArrayList<>(perWave);
            try {
                for (int i = 0; i < perWave; i++) {
                    Socket client = new Socket("127.0.0.1", server.port());
                    idle.add(client);
                    client.setSoTimeout((int) TIMEOUT.toMillis());
                    client.getOutputStream().write(i);
                    assertEquals(i & 0xff, client.getInputStream().read(), "echo on connection " + i);
                }
                // Every connection's thread is now parked on the poller, waiting for its next byte.
                assertEquals(perWave, server.metrics().active());
                assertEquals(serverThreads + perWave, server.metrics().threads());
            } finally {
                for (Socket client : idle) {
                    client.close();
                }
            }
            Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
        }
        assertEquals((long) waves * perWave, server.metrics().closed());
        Poll.untilEquals("server threads", serverThreads, () -> server.metrics().threads());
        // TCP sockets only: the JDK opens other descriptors lazily (its own pollers, class files).
        Poll.until("open sockets back to " + socketsBefore, () -> openTcpSockets() <= socketsBefore);
        assertTrue(Thread.activeCount() <= platformThreadsBefore + 2,
                "platform threads grew from " + platformThreadsBefore + " to " + Thread.activeCount());
    }

    @Test
    void stopClosesParkedConnectionsAndEndsThePollerThread() throws Exception {
        start(TcpServerEchoTest.ECHO);
        assertTrue(platformThreadNamed("epoll-poller-master"), "no poller thread while running");
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            client.getOutputStream().write('x');
            assertEquals('x', client.getInputStream().read());

            server.stop(Duration.ZERO);

            InputStream in = client.getInputStream();
            assertEquals(-1, in.read(), "the parked connection was not closed by stop");
        }
        assertEquals(0, server.metrics().threads());
        assertTrue(!platformThreadNamed("epoll-poller-master"), "the poller's platform thread outlived stop");
    }

    private static boolean platformThreadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    /**
     * This process's TCP sockets: its descriptors that are sockets whose inode the kernel lists in
     * {@code /proc/net/tcp} or {@code tcp6} (the JDK opens other sockets lazily, not ours).
     */
    private static long openTcpSockets() {
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            java.util.Set<String> tcp = new java.util.HashSet<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Files.readAllLines(Path.of(table)).stream().skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields.length > 9)
                        .forEach(fields -> tcp.add("socket:[" + fields[9] + "]"));
            }
            return fds.filter(fd -> {
                try {
                    return tcp.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
