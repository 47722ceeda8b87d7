package dev.weft.core.pool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.core.SocketIo;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class ConnectionPoolTest {

    /** Spaces the checks of a condition polled with a deadline; the outcome never depends on it. */

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpServer backend;

    /** A line protocol: "close" ends the connection after "bye", "two" answers two lines, else echo. */
    @BeforeEach
    void startBackend() throws IOException {
        backend = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> {
            BufferedInput lines = new BufferedInput(connection);
            for (String line; (line = lines.readLine(1_024)) != null; ) {
                switch (line) {
                    case "close" -> {
                        connection.write("bye\n".getBytes(UTF_8));
                        return;
                    }
                    case "two" -> connection.write("one\ntwo\n".getBytes(UTF_8));
                    default -> connection.write((line + "\n").getBytes(UTF_8));
                }
            }
        }));
    }

    private ConnectionPool pool(PoolConfig config) {
        return servers.closeAfterwards(new ConnectionPool(config));
    }

    private PoolConfig config() {
        return PoolConfig.of(backend.localAddress());
    }

    private static String exchange(PooledConnection connection, String line) throws IOException {
        connection.output().write((line + "\n").getBytes(UTF_8));
        connection.output().flush();
        return readLine(connection);
    }

    private static String readLine(PooledConnection connection) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b; (b = connection.input().read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("end of stream");
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Poll.until(what, condition);
    }

    @Test
    void sequentialRequestsReuseOneConnection() throws IOException {
        ConnectionPool pool = pool(config());
        for (int i = 0; i < 20; i++) {
            try (PooledConnection c = pool.acquire()) {
                assertEquals("hello " + i, exchange(c, "hello " + i));
            }
        }
        assertEquals(1, backend.metrics().accepted(), "the backend saw one connection for 20 requests");
        PoolMetrics metrics = pool.metrics();
        assertEquals(1, metrics.created());
        assertEquals(19, metrics.reused());
        assertEquals(1, metrics.idle());
        assertEquals(0, metrics.leased());
    }

    @Test
    void acquireTimesOutWhenEveryConnectionIsLeased() throws Exception {
        ConnectionPool pool = pool(config().withMaxConnections(2).withAcquireTimeout(Duration.ofMillis(100)));
        try (PooledConnection a = pool.acquire(); PooledConnection b = pool.acquire()) {
            PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquire);
            assertTrue(e.getMessage().contains("100 ms") && e.getMessage().contains("all 2"), e.getMessage());
            assertNotSame(a, b);
        }
        assertEquals(1, pool.metrics().acquireTimeouts());
        assertEquals(2, backend.metrics().accepted());
    }

    @Test
    void waitingAcquireGetsTheConnectionReleasedMeanwhile() throws Exception {
        ConnectionPool pool = pool(config().withMaxConnections(1).withAcquireTimeout(TIMEOUT));
        PooledConnection first = pool.acquire();
        CompletableFuture<PooledConnection> waiter = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.complete(pool.acquire());
            } catch (IOException e) {
                waiter.completeExceptionally(e);
            }
        });
        assertEquals("x", exchange(first, "x"));
        first.close();
        try (PooledConnection second = waiter.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            assertSame(first, second);
            assertEquals("y", exchange(second, "y"));
        }
    }

    @Test
    void connectionClosedByThePeerWhileIdleIsNeverHandedOut() throws Exception {
        ConnectionPool pool = pool(config());
        try (PooledConnection c = pool.acquire()) {
            assertEquals("bye", exchange(c, "close"));
        }
        awaitTrue(() -> backend.metrics().closed() == 1, "the backend to close its side");
        try (PooledConnection fresh = pool.acquire()) {
            assertEquals(1, fresh.leases(), "a new connection, not the closed one");
            assertEquals("still works", exchange(fresh, "still works"));
        }
        assertEquals(1, pool.metrics().discarded());
    }

    @Test
    void connectionReturnedWithUnreadBytesIsDiscarded() throws Exception {
        ConnectionPool pool = pool(config());
        PooledConnection c = pool.acquire();
        assertEquals("one", exchange(c, "two"));
        awaitTrue(() -> available(c) > 0, "the second line to arrive");
        c.close();
        assertEquals(1, pool.metrics().discarded());
        try (PooledConnection next = pool.acquire()) {
            assertNotSame(c, next);
            assertEquals("z", exchange(next, "z"));
        }
    }

    @Test
    void connectionThatFailedIsDiscardedAndRetiredOneIsClosed() throws IOException {
        ConnectionPool pool = pool(config());
        PooledConnection c = pool.acquire();
        exchange(c, "close");
        assertThrows(IOException.class, () -> readLine(c), "end of stream after bye");
        c.close();
        PooledConnection retired = pool.acquire();
        assertNotSame(c, retired);
        retired.retire();
        retired.close();
        assertEquals(2, pool.metrics().discarded());
        assertEquals(0, pool.metrics().idle());
    }

    @Test
    void idleConnectionsAreEvictedAfterTheIdleTimeoutByAThreadOfTheServerThePoolWorksFor() throws Exception {
        ConnectionPool pool = pool(config().withIdleTimeout(Duration.ofMillis(50)));
        TcpServer owner = servers.start(new TcpServer(TcpServerConfig.loopback(0), new PoolOwner(pool)));
        try (PooledConnection c = pool.acquire()) {
            exchange(c, "a");
        }
        awaitTrue(() -> pool.metrics().evicted() == 1, "the idle connection to be evicted");
        awaitTrue(() -> backend.metrics().closed() == 1, "the backend to see the close");
        assertEquals(0, pool.metrics().idle());
        int poller = owner.socketIo() == SocketIo.EPOLL ? 2 : 0;
        assertEquals(2 + poller, owner.metrics().threads(), "the acceptor, the pool's evictor (and the poller's two)");
        owner.close();
        assertEquals(0, owner.metrics().threads(), "the evictor ends with the server");
    }

    @Test
    void withoutAServerIdleConnectionsPastTheTimeoutAreEvictedOnTheNextAcquire() throws Exception {
        ConnectionPool pool = pool(config().withIdleTimeout(Duration.ofMillis(50)));
        try (PooledConnection c = pool.acquire()) {
            exchange(c, "a");
        }
        long returned = System.nanoTime();
        awaitTrue(() -> System.nanoTime() - returned > Duration.ofMillis(60).toNanos(), "the idle timeout to pass");
        assertEquals(0, pool.metrics().evicted(), "nothing evicts while the pool is not used");
        try (PooledConnection next = pool.acquire()) {
            exchange(next, "b");
        }
        assertEquals(1, pool.metrics().evicted());
        assertEquals(2, pool.metrics().created());
    }

    /** A handler that only lends its server's threads to a pool. */
    private record PoolOwner(ConnectionPool pool) implements ConnectionHandler, ServerAware {
        @Override
        public void handle(Connection connection) {
            // no connections in these tests
        }

        @Override
        public void serverStarted(ServerScope scope) {
            pool.serverStarted(scope);
        }

        @Override
        public void serverStopping() {
            pool.serverStopping();
        }
    }

    @Test
    void acquireFailsWhenNothingListens() throws IOException {
        var address = backend.localAddress();
        backend.stop(Duration.ZERO);
        ConnectionPool pool = pool(PoolConfig.of(address).withConnectTimeout(Duration.ofMillis(500)));
        assertThrows(IOException.class, pool::acquire);
        assertEquals(1, pool.metrics().connectFailures());
        assertEquals(0, pool.metrics().leased());
    }

    private static int available(PooledConnection c) {
        try {
            return c.input().available();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
