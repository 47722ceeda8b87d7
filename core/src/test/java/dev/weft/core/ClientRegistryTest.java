package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class ClientRegistryTest {

    private final ClientRegistry registry = ClientRegistry.create();

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void theRegistryIsEmptyAfterClientsLeaveCleanlyOrByReset() throws Exception {
        Set<Long> joined = ConcurrentHashMap.newKeySet();
        Set<Long> left = ConcurrentHashMap.newKeySet();
        registry.addListener(new RegistryListener() {
            @Override
            public void joined(Client client) {
                joined.add(client.id());
            }

            @Override
            public void left(Client client) {
                left.add(client.id());
            }
        });
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            connection.client();
            BufferedInput in = new BufferedInput(connection);
            while (in.readLine(100) != null) {
                connection.write("ok\n".getBytes());
            }
        }, registry));

        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestClient client = new TestClient(server.port());
            client.send("hi\n");
            assertEquals("ok", client.readLine());
            clients.add(client);
        }
        assertEquals(50, registry.size());
        assertEquals(50, registry.snapshot().size());
        long anId = registry.snapshot().get(0).id();
        assertTrue(registry.find(anId).isPresent());

        for (int i = 0; i < clients.size(); i++) {
            if (i % 2 == 0) {
                clients.get(i).close();
            } else {
                clients.get(i).reset();
            }
        }
        Poll.untilEquals("registry size", 0, registry::size);
        assertFalse(registry.find(anId).isPresent());
        assertEquals(joined, left);
        assertEquals(50, left.size());
    }

    @Test
    void aClientThatNeverReadsIsDisconnectedWithoutStallingTheBroadcasterOrTheOthers() throws Exception {
        CountDownLatch threeJoined = new CountDownLatch(3);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder()
                .outboundQueueBytes(64 * 1024)
                .socketOptions(SocketOptions.DEFAULTS.withSendBufferBytes(16 * 1024)).build(),
                connection -> {
                    connection.client();
                    threeJoined.countDown();
                    BufferedInput in = new BufferedInput(connection);
                    while (in.readLine(100) != null) {
                        // Only the peer's closing ends this connection.
                    }
                }, registry));
        byte[] message = ("x".repeat(1_023) + "\n").getBytes(StandardCharsets.US_ASCII);
        int batches = 128;
        int perBatch = 32; // 32 KiB per batch: within a fast client's 64 KiB queue
        int total = batches * perBatch; // 4 MiB: far beyond the slow client's queue and socket buffers

        try (TestClient fast1 = new TestClient(server.port());
             TestClient fast2 = new TestClient(server.port());
             TestClient slow = new TestClient(server.port(), 4_096)) {
            assertTrue(threeJoined.await(10, TimeUnit.SECONDS));
            AtomicInteger read1 = new AtomicInteger();
            AtomicInteger read2 = new AtomicInteger();
            Thread reader1 = Thread.ofVirtual().start(() -> readLines(fast1, total, read1));
            Thread reader2 = Thread.ofVirtual().start(() -> readLines(fast2, total, read2));
            for (int batch = 1; batch <= batches; batch++) {
                for (int i = 0; i < perBatch; i++) {
                    registry.broadcast(message, c -> true);
                }
                int sent = batch * perBatch;
                Poll.until("fast clients to read " + sent + " messages",
                        () -> read1.get() >= sent && read2.get() >= sent);
            }
            assertTrue(reader1.join(Duration.ofSeconds(30)) && reader2.join(Duration.ofSeconds(30)));
            assertEquals(total, read1.get());
            assertEquals(total, read2.get());
            Poll.untilEquals("slow clients disconnected", 1L, registry::slowClientsDisconnected);
            Poll.untilEquals("registry size", 2, registry::size);
        }
    }

    @Test
    void aConnectionThatNeverAsksToBeAClientIsNotInTheRegistry() throws Exception {
        CountDownLatch served = new CountDownLatch(1);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            served.countDown();
            new BufferedInput(connection).readLine(100);
        }, registry));
        try (TestClient client = new TestClient(server.port())) {
            assertTrue(served.await(10, TimeUnit.SECONDS));
            assertEquals(1, server.metrics().active());
            assertEquals(0, registry.size());
            assertEquals(0, registry.broadcast("x\n".getBytes(StandardCharsets.US_ASCII), c -> true));
        }
    }

    @Test
    void aBroadcastReturnsAtOnceWhileATargetIsBlockedWritingToAPeerThatDoesNotRead() throws Exception {
        AtomicReference<Thread> writer = new AtomicReference<>();
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder()
                .writeTimeout(Duration.ofSeconds(60))
                .socketOptions(SocketOptions.DEFAULTS.withSendBufferBytes(16 * 1024)).build(),
                connection -> {
                    connection.client();
                    writer.set(Thread.currentThread());
                    // 64 MiB in one write to a peer that never reads: it blocks until the test ends.
                    try {
                        connection.write(new byte[64 << 20]);
                    } catch (IOException e) {
                        // closed at the end of the test
                    }
                }, registry));
        try (TestClient deaf = new TestClient(server.port(), 4_096)) {
            Poll.until("the handler to be blocked in its write", () -> writer.get() != null
                    && writer.get().getState() == Thread.State.WAITING);
            byte[] line = "chat line\n".getBytes(StandardCharsets.US_ASCII);
            long started = System.nanoTime();
            int queued = 0;
            for (int i = 0; i < 100; i++) {
                queued += registry.broadcast(line, c -> true);
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            // The handler holds the socket for as long as the peer does not read (60 s here):
            // a broadcast that waited for it would take that long, not a few milliseconds.
            assertTrue(tookMillis < 5_000, "100 broadcasts took " + tookMillis + " ms");
            assertEquals(100, queued);
        }
    }

    private static void readLines(TestClient client, int expected, AtomicInteger count) {
        try {
            for (int i = 0; i < expected; i++) {
                String line = client.readLine();
                if (line == null || line.length() != 1_023) {
                    throw new AssertionError("message " + i + " lost or damaged: " + line);
                }
                count.incrementAndGet();
            }
        } catch (IOException e) {
            throw new AssertionError("a fast client was cut off", e);
        }
    }
}
