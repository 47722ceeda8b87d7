package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class TcpServerAdmissionTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    /** Admits while {@code open} is set; counts admissions and releases per address. */
    private static final class RecordingAdmission implements ConnectionAdmission {
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicInteger admitted = new AtomicInteger();
        final Map<InetSocketAddress, Integer> live = new ConcurrentHashMap<>();
        final AtomicInteger released = new AtomicInteger();

        @Override
        public boolean admit(InetSocketAddress remote) {
            if (!open.get()) {
                return false;
            }
            admitted.incrementAndGet();
            live.merge(remote, 1, Integer::sum);
            return true;
        }

        @Override
        public void release(InetSocketAddress remote) {
            released.incrementAndGet();
            live.computeIfPresent(remote, (k, v) -> v == 1 ? null : v - 1);
        }
    }

    private static final ConnectionHandler LINE_ECHO = connection -> {
        BufferedInput lines = new BufferedInput(connection);
        for (String line; (line = lines.readLine(100)) != null; ) {
            connection.write((line + "\n").getBytes());
        }
    };

    @Test
    void theDefaultAdmitsEveryConnection() {
        assertSame(ConnectionAdmission.admitAll(), TcpServerConfig.loopback(0).server().admission());
        assertSame(ConnectionAdmission.admitAll(), TcpServerConfig.builder().build().server().admission());
    }

    @Test
    void aRefusedConnectionIsClosedAtOnceAndCountedAsRejected() throws IOException {
        RecordingAdmission admission = new RecordingAdmission();
        admission.open.set(false);
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder().admission(admission)
                .build(), LINE_ECHO));
        try (TestClient client = new TestClient(server.port())) {
            assertEquals(-1, client.readByte());
        }
        Poll.untilEquals("rejected", 1L, () -> server.metrics().rejected());
        assertEquals(0, admission.released.get(), "a refused connection is never released");
    }

    @Test
    void everyAdmittedConnectionIsReleasedExactlyOnceWhenItEnds() throws IOException {
        RecordingAdmission admission = new RecordingAdmission();
        TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0).toBuilder().admission(admission)
                .maxConnections(2).build(), LINE_ECHO));
        try (TestClient a = new TestClient(server.port()); TestClient b = new TestClient(server.port())) {
            a.send("a\n");
            b.send("b\n");
            assertEquals("a", a.readLine());
            assertEquals("b", b.readLine());
            try (TestClient overBudget = new TestClient(server.port())) {
                assertEquals(-1, overBudget.readByte(), "over maxConnections");
            }
            Poll.untilEquals("the over-budget connection released", 1, admission.released::get);
            assertEquals(2, admission.live.size());
        }
        Poll.untilEquals("all released", 3, admission.released::get);
        assertEquals(3, admission.admitted.get());
        assertEquals(Map.of(), admission.live);
    }
}
