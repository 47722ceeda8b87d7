package dev.weft.core.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.SocketIo;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class TcpProxyTest {

    /** Spaces the checks of a condition polled with a deadline; the outcome never depends on it. */

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ConnectionHandler ECHO = connection -> {
        byte[] buffer = new byte[8_192];
        for (int n; (n = connection.read(buffer, 0, buffer.length)) > 0; ) {
            connection.write(buffer, 0, n);
        }
    };

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final List<TcpServer> backends = new ArrayList<>();
    private TcpProxy proxy;
    private TcpServer proxyServer;

    private TcpServer backend(int port, ConnectionHandler handler) {
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(port), handler));
        backends.add(server);
        return server;
    }

    private List<InetSocketAddress> echoBackends(int count) throws IOException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(backend(0, ECHO).localAddress());
        }
        return addresses;
    }

    private void startProxy(ProxyConfig config) throws IOException {
        proxy = servers.closeAfterwards(new TcpProxy(config));
        proxyServer = servers.start(new TcpServer(TcpServerConfig.loopback(0), proxy));
    }

    private Socket client() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyServer.port());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return servers.closeAfterwards(socket);
    }

    private static String roundTrip(Socket socket, String message) throws IOException {
        socket.getOutputStream().write((message + "\n").getBytes(UTF_8));
        socket.getOutputStream().flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine();
    }

    private String oneShot(String message) throws IOException {
        try (Socket socket = client()) {
            return roundTrip(socket, message);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Poll.until(what, condition);
    }

    @Test
    void roundRobinSpreadsTrafficEvenlyAcrossThreeBackends() throws IOException {
        startProxy(ProxyConfig.of(echoBackends(3)));
        for (int i = 0; i < 30; i++) {
            assertEquals("message " + i, oneShot("message " + i));
        }
        for (TcpServer backend : backends) {
            assertEquals(10, backend.metrics().accepted(), "each backend gets a third");
        }
        awaitTrue(() -> proxy.metrics().backends().stream().allMatch(b -> b.activeConnections() == 0),
                "every pairing to end");
        for (BackendMetrics metrics : proxy.metrics().backends()) {
            assertEquals(10, metrics.connections());
            assertTrue(metrics.bytesToBackend() > 0 && metrics.bytesFromBackend() == metrics.bytesToBackend());
        }
    }

    /** A line echo that prefixes every answer with {@code tag}, to tell backends apart. */
    private static ConnectionHandler tagged(String tag) {
        return connection -> {
            BufferedInput lines = new BufferedInput(connection);
            for (String line; (line = lines.readLine(1_024)) != null; ) {
                connection.write((tag + " " + line + "\n").getBytes(UTF_8));
            }
        };
    }

    @Test
    void leastConnectionsSendsANewClientToTheBackendThatFreedUp() throws IOException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String tag : List.of("b0", "b1", "b2")) {
            addresses.add(backend(0, tagged(tag)).localAddress());
        }
        startProxy(ProxyConfig.of(addresses).withStrategy(BalancingStrategy.leastConnections()));
        Socket onB1 = null;
        for (int i = 0; i < 3; i++) {
            Socket socket = client();
            String answer = roundTrip(socket, "hold");
            if (answer.equals("b1 hold")) {
                onB1 = socket;
            }
        }
        assertTrue(proxy.metrics().backends().stream().allMatch(b -> b.activeConnections() == 1),
                "one client per backend: " + proxy.metrics());
        onB1.close();
        awaitTrue(() -> proxy.backends().get(1).activeConnections() == 0, "backend b1 to be freed");
        assertEquals("b1 next", roundTrip(client(), "next"), "the new client goes to the free backend");
    }

    @Test
    void killedBackendIsAvoidedWithoutFailingNewClientsAndComesBackWhenItRecovers() throws IOException {
        startProxy(ProxyConfig.of(echoBackends(3)).withHealthCheckInterval(Duration.ofMillis(50))
                .withConnectTimeout(Duration.ofMillis(500)));
        for (int i = 0; i < 6; i++) {
            assertEquals("before " + i, oneShot("before " + i));
        }
        TcpServer killed = backends.get(1);
        int port = killed.port();
        killed.stop(Duration.ZERO);
        for (int i = 0; i < 30; i++) {
            assertEquals("during " + i, oneShot("during " + i), "no client fails while a backend is dead");
        }
        assertFalse(proxy.backends().get(1).healthy());
        assertEquals(0, proxy.metrics().unavailable());

        TcpServer revived = backend(port, ECHO);
        awaitTrue(() -> proxy.backends().get(1).healthy(), "the health check to put the backend back");
        for (int i = 0; i < 6; i++) {
            assertEquals("after " + i, oneShot("after " + i));
        }
        assertTrue(revived.metrics().accepted() >= 2, "the revived backend gets clients again");
    }

    @Test
    void theSplicesSecondThreadAndTheHealthChecksAreThreadsOfTheServerAndEndWithIt() throws IOException {
        startProxy(ProxyConfig.of(echoBackends(1)).withHealthCheckInterval(Duration.ofMillis(50)));
        try (Socket socket = client()) {
            assertEquals("hello", roundTrip(socket, "hello"));
            // the acceptor, the client's connection, its backend-to-client copy, the health checks
            // (and the poller and its master, with epoll)
            int poller = proxyServer.socketIo() == SocketIo.EPOLL ? 2 : 0;
            assertEquals(4 + poller, proxyServer.metrics().threads());
            proxyServer.stop(Duration.ZERO);
        }
        assertEquals(0, proxyServer.metrics().threads());
    }

    @Test
    void clientHalfCloseReachesTheBackendWhichStillAnswers() throws IOException {
        TcpServer counter = backend(0, connection -> {
            long total = 0;
            byte[] buffer = new byte[8_192];
            for (int n; (n = connection.read(buffer, 0, buffer.length)) > 0; ) {
                total += n;
            }
            connection.write(("received " + total + " bytes\n").getBytes(UTF_8));
        });
        startProxy(ProxyConfig.of(List.of(counter.localAddress())));
        try (Socket socket = client()) {
            socket.getOutputStream().write(new byte[100_000]);
            socket.shutdownOutput();
            assertArrayEquals("received 100000 bytes\n".getBytes(UTF_8), socket.getInputStream().readAllBytes());
        }
    }

    @Test
    void backendHalfCloseReachesTheClientWhichCanStillSend() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        TcpServer greeter = backend(0, connection -> {
            BufferedInput lines = new BufferedInput(connection);
            connection.write("hello\n".getBytes(UTF_8));
            connection.shutdownOutput();
            received.add(new String(lines.readAllBytes(), UTF_8));
        });
        startProxy(ProxyConfig.of(List.of(greeter.localAddress())));
        try (Socket socket = client()) {
            assertArrayEquals("hello\n".getBytes(UTF_8), socket.getInputStream().readAllBytes(),
                    "the client reads the greeting, then end-of-stream");
            socket.getOutputStream().write("after the half-close".getBytes(UTF_8));
            socket.shutdownOutput();
            assertEquals("after the half-close", received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void clientIsClosedAtOnceWhenNoBackendIsReachable() throws IOException {
        List<InetSocketAddress> dead = echoBackends(2);
        backends.forEach(backend -> backend.stop(Duration.ZERO));
        startProxy(ProxyConfig.of(dead).withConnectTimeout(Duration.ofMillis(500)));
        try (Socket socket = client()) {
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(1, proxy.metrics().unavailable());
        assertTrue(proxy.metrics().backends().stream().allMatch(b -> b.connectFailures() == 1 && !b.healthy()));
    }

    @Test
    void aPairWithNoTrafficEitherWayIsClosedAfterTheIdleTimeout() throws IOException {
        startProxy(ProxyConfig.of(echoBackends(1)).withIdleTimeout(Duration.ofMillis(200)));
        try (Socket socket = client()) {
            assertEquals("once", roundTrip(socket, "once"));
            assertEquals(-1, socket.getInputStream().read(), "closed by the proxy once idle");
        }
        awaitTrue(() -> proxy.backends().get(0).activeConnections() == 0, "the pairing to end");
        awaitTrue(() -> backends.get(0).metrics().active() == 0, "the backend side to be closed");
    }

    @Test
    void aSilentClientDuringALongDownloadIsNotIdle() throws IOException {
        int chunks = 15;
        TcpServer trickle = backend(0, connection -> {
            for (int i = 0; i < chunks; i++) {
                connection.write(new byte[] {(byte) i});
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());   // the workload's pace, not a wait
            }
        });
        startProxy(ProxyConfig.of(List.of(trickle.localAddress())).withIdleTimeout(Duration.ofSeconds(1)));
        try (Socket socket = client()) {
            byte[] received = socket.getInputStream().readAllBytes();
            assertEquals(chunks, received.length, "all of the 1.5 s download arrived, then end-of-stream");
        }
    }
}
