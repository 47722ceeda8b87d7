package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class TcpServerConcurrencyTest {

    private static final int CLIENTS = 2_000;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    /**
     * Every handler waits at a barrier until all 2,000 are inside at once: a server that ran
     * connections on a bounded pool (or pinned carriers) could never get them all there.
     */
    @Test
    void twoThousandClientsAreServedAtTheSameTime() throws Exception {
        CountDownLatch allInside = new CountDownLatch(CLIENTS);
        CountDownLatch release = new CountDownLatch(1);
        TcpServer server = servers.start(new TcpServer(
                TcpServerConfig.loopback(0).toBuilder().acceptBacklog(CLIENTS).build(),
                connection -> {
                    connection.client();
                    BufferedInput lines = new BufferedInput(connection);
                    String hello = lines.readLine(64);
                    allInside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    connection.write(("bye " + hello + "\n").getBytes());
                }));

        List<TestClient> clients = new ArrayList<>(CLIENTS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                TestClient client = new TestClient(server.port());
                clients.add(client);
                client.send("client-" + i + "\n");
            }
            assertTrue(allInside.await(60, TimeUnit.SECONDS),
                    "only " + (CLIENTS - allInside.getCount()) + " handlers were running at once");
            assertEquals(CLIENTS, server.metrics().active());
            assertEquals(CLIENTS, server.registry().size());

            release.countDown();
            List<Future<String>> answers = new ArrayList<>(CLIENTS);
            for (TestClient client : clients) {
                answers.add(threads.submit(client::readLine));
            }
            for (int i = 0; i < CLIENTS; i++) {
                assertEquals("bye client-" + i, answers.get(i).get(60, TimeUnit.SECONDS));
            }
        } finally {
            for (TestClient client : clients) {
                closeQuietly(client);
            }
        }
        Poll.untilEquals("active connections", 0L, () -> server.metrics().active());
        Poll.untilEquals("registry size", 0, () -> server.registry().size());
        assertEquals(CLIENTS, server.metrics().closed());
        assertEquals(0, server.metrics().rejected());
    }

    private static void closeQuietly(TestClient client) {
        try {
            client.close();
        } catch (IOException e) {
            throw new AssertionError("closing a test client failed", e);
        }
    }
}
