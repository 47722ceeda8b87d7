package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults a server must survive: descriptor exhaustion, mass churn, handlers that ignore stop. */
class TcpServerFaultTest {

    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void whenDescriptorsRunOutTheServerKeepsItsClientsAndRecoversAccepting() throws Exception {
        assumeTrue(Files.isDirectory(OWN_FDS), "needs /proc/self/fd (Linux)");
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), TcpServerEchoTest.ECHO));
        List<FileChannel> hoard = new ArrayList<>();
        try (TestClient existing = new TestClient(server.port());
             SocketChannel latecomer = SocketChannel.open()) {
            existing.send("before\n");
            assertEquals("before", existing.readLine());

            // Loading a class from a directory needs a descriptor, and a failed resolution sticks
            // for the life of the JVM: load what the test uses while exhausted first. (From a jar
            // the class loader keeps its file open, so a deployed server needs no new descriptor.)
            Poll.until("class loading", () -> server.metrics().acceptFailures() == 0);
            exhaustDescriptors(hoard);
            // The kernel completes the handshake; the server's accept() fails with EMFILE.
            latecomer.connect(new InetSocketAddress("127.0.0.1", server.port()));
            Poll.until("accept to fail for want of descriptors", () -> server.metrics().acceptFailures() > 0);
            existing.send("during\n");
            assertEquals("during", existing.readLine(), "an established client was not served");

            release(hoard);
            latecomer.socket().setSoTimeout(10_000);
            latecomer.write(ByteBuffer.wrap("after\n".getBytes(StandardCharsets.US_ASCII)));
            byte[] echoed = latecomer.socket().getInputStream().readNBytes(6);
            assertArrayEquals("after\n".getBytes(StandardCharsets.US_ASCII), echoed);
        } finally {
            release(hoard);
        }
        assertTrue(server.isRunning());
    }

    @Test
    void twentyThousandConnectionsClosedOrResetLeaveNoDescriptorThreadOrEntryBehind() throws Exception {
        assumeTrue(Files.isDirectory(OWN_FDS), "needs /proc/self/fd (Linux)");
        TcpServer server = servers.start(new TcpServer(
                TcpServerConfig.loopback(0).toBuilder().acceptBacklog(4_096).build(),
                TcpServerEchoTest.ECHO));
        int port = server.port();
        // One warm-up round, on a virtual thread as the workers below, so lazily created JDK
        // resources (the JDK's own pollers for virtual threads' sockets) are not counted as leaks.
        try (ExecutorService warmUp = Executors.newVirtualThreadPerTaskExecutor()) {
            warmUp.submit(() -> {
                oneExchange(port, false);
                return null;
            }).get(30, TimeUnit.SECONDS);
        }
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
        long descriptorsBefore = openDescriptors();
        int platformThreadsBefore = Thread.activeCount();

        int workers = 32;
        int perWorker = 625; // 20,000 in all
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < perWorker; i++) {
                        oneExchange(port, (worker + i) % 2 == 0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        }
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
        long ownThreads = server.socketIo() == SocketIo.EPOLL ? 3L : 1L;
        Poll.untilEquals("server threads (the acceptor, and the poller and its master with epoll)", ownThreads,
                () -> server.metrics().threads());
        Poll.untilEquals("registry size", 0, () -> server.registry().size());
        Poll.untilEquals("open descriptors", descriptorsBefore, TcpServerFaultTest::openDescriptors);
        assertEquals(20_001, server.metrics().closed());
        assertTrue(Thread.activeCount() <= platformThreadsBefore + 2,
                "platform threads grew from " + platformThreadsBefore + " to " + Thread.activeCount());
    }

    @Test
    void aHandlerThatIgnoresCloseAndInterruptDoesNotHoldStopPastItsDeadline() throws Exception {
        AtomicBoolean letItGo = new AtomicBoolean();
        CountDownLatch looping = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            looping.countDown();
            while (!letItGo.get()) {
                Thread.onSpinWait(); // deaf to the closed socket and to interrupts
            }
            ended.countDown();
        }));
        try (TestClient client = new TestClient(server.port())) {
            assertTrue(looping.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            server.stop(Duration.ofMillis(200));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // The deadline is the grace period plus the fixed one-second unwind allowance.
            assertTrue(elapsedMillis < 10_000, "stop took " + elapsedMillis + " ms");
            assertEquals(-1, client.readByte(), "the stuck connection was not closed");
        } finally {
            letItGo.set(true);
        }
        assertTrue(ended.await(10, TimeUnit.SECONDS));
    }

    private static void oneExchange(int port, boolean reset) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write('x');
            if (socket.getInputStream().read() != 'x') {
                throw new IOException("no echo");
            }
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private static long openDescriptors() {
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + OWN_FDS, e);
        }
    }

    private static void exhaustDescriptors(List<FileChannel> hoard) {
        Path devNull = Path.of("/dev/null");
        try {
            for (int i = 0; i < 1_000_000; i++) {
                hoard.add(FileChannel.open(devNull));
            }
            throw new AssertionError("opened a million descriptors without reaching the limit");
        } catch (IOException e) {
            // "Too many open files": the process is at its limit, as intended.
        }
    }

    private static void release(List<FileChannel> hoard) throws IOException {
        for (FileChannel channel : hoard) {
            channel.close();
        }
        hoard.clear();
    }
}
