package dev.weft.core.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class PerAddressAdmissionTest {

    /** Spaces the checks of a condition polled with a deadline; the outcome never depends on it. */

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final InetSocketAddress ONE = new InetSocketAddress("127.0.0.1", 40_000);
    private static final InetSocketAddress ONE_OTHER_PORT = new InetSocketAddress("127.0.0.1", 40_001);
    private static final InetSocketAddress TWO = new InetSocketAddress("127.0.0.2", 40_000);
    private static final ConnectionHandler ONE_BYTE_ECHO = connection -> {
        BufferedInput lines = new BufferedInput(connection);
        int b;
        while ((b = lines.read()) >= 0) {
            connection.write(new byte[] {(byte) b});
        }
    };

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final FakeClock clock = new FakeClock();
    private final List<Socket> sockets = new ArrayList<>();
    private TcpServer server;

    @Test
    void concurrentConnectionsAreLimitedPerAddressNotPerPort() {
        PerAddressAdmission admission = new PerAddressAdmission(AddressLimits.none().withMaxConcurrentConnections(2));
        assertTrue(admission.admit(ONE));
        assertTrue(admission.admit(ONE_OTHER_PORT));
        assertFalse(admission.admit(ONE), "a third from 127.0.0.1");
        assertTrue(admission.admit(TWO), "another address is unaffected");
        admission.release(ONE);
        assertTrue(admission.admit(ONE), "a slot came free");
        assertEquals(new AdmissionMetrics(4, 0, 1, 2), admission.metrics());
    }

    @Test
    void newConnectionsAreRateLimitedPerAddress() {
        PerAddressAdmission admission = new PerAddressAdmission(
                AddressLimits.none().withNewConnectionRate(new RateLimit(2, 3)), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(admission.admit(ONE), "burst " + i);
            admission.release(ONE);
        }
        assertFalse(admission.admit(ONE));
        assertTrue(admission.admit(TWO), "another address is unaffected");
        clock.advance(Duration.ofMillis(500));
        assertTrue(admission.admit(ONE), "one token after 1/2 s");
        assertEquals(1, admission.metrics().refusedByRate());
    }

    @Test
    void aConnectionRefusedForConcurrencyTakesNoRateToken() {
        PerAddressAdmission admission = new PerAddressAdmission(AddressLimits.none()
                .withNewConnectionRate(new RateLimit(1, 2)).withMaxConcurrentConnections(1), clock);
        assertTrue(admission.admit(ONE));
        assertFalse(admission.admit(ONE));
        admission.release(ONE);
        assertTrue(admission.admit(ONE), "the refused attempt did not use the second token");
        assertEquals(0, admission.metrics().refusedByRate());
    }

    @Test
    void aServerRefusesTheThirdConnectionFromOneAddressButServesAnother() throws IOException {
        PerAddressAdmission admission = new PerAddressAdmission(AddressLimits.none().withMaxConcurrentConnections(2));
        server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder().admission(admission).build(),
                ONE_BYTE_ECHO));
        InetAddress one = InetAddress.getByName("127.0.0.1");
        InetAddress two = InetAddress.getByName("127.0.0.2");
        assertEquals('a', roundTrip(connect(one), 'a'));
        assertEquals('b', roundTrip(connect(one), 'b'));
        assertEquals(-1, connect(one).getInputStream().read(), "the third from 127.0.0.1 is closed");
        assertEquals('c', roundTrip(connect(two), 'c'), "127.0.0.2 is served");
        assertEquals(1, server.metrics().rejected());

        sockets.get(0).close();
        awaitTrue(() -> admission.openConnections(one) == 1, "the closed connection to be released");
        assertEquals('d', roundTrip(connect(one), 'd'), "127.0.0.1 may connect again");
    }

    private Socket connect(InetAddress from) throws IOException {
        Socket socket = servers.closeAfterwards(new Socket());
        sockets.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(server.localAddress(), (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    private static int roundTrip(Socket socket, char c) throws IOException {
        socket.getOutputStream().write(c);
        return socket.getInputStream().read();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Poll.until(what, condition);
    }
}
