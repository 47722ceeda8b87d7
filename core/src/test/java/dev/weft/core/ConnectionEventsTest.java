package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The JFR events {@code dev.weft.ConnectionOpened} and {@code dev.weft.ConnectionClosed}. */
class ConnectionEventsTest {

    private static final String OPENED = "dev.weft.ConnectionOpened";
    private static final String CLOSED = "dev.weft.ConnectionClosed";

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    @Test
    void aRecordingThatAsksForThemGetsTheOpeningAndTheLifetimeOfEachConnection() throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable(OPENED);
            recording.enable(CLOSED);
            recording.start();
            TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().name("jfr").build();
            TcpServer server = servers.start(new TcpServer(config, connection -> {
                byte[] one = new byte[1];
                while (connection.read(one, 0, 1) > 0) {
                    // until the client closes
                }
            }));
            String client;
            long heldNanos;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                client = socket.getLocalSocketAddress().toString();
                Poll.untilEquals("active connections", 1L, () -> server.metrics().active());
                long start = System.nanoTime(); // the connection's thread is running: its event has begun
                assertEquals(1L, server.metrics().active());
                heldNanos = System.nanoTime() - start;
            }
            Poll.untilEquals("closed connections", 1L, () -> server.metrics().closed());
            recording.stop();
            List<RecordedEvent> events = read(recording);

            RecordedEvent opened = only(events, OPENED);
            RecordedEvent closed = only(events, CLOSED);
            for (RecordedEvent event : List.of(opened, closed)) {
                assertEquals("jfr", event.getString("server"));
                assertEquals(client, event.getString("remoteAddress"));
                assertEquals(closed.getLong("id"), event.getLong("id"));
            }
            assertTrue(closed.getDuration().toNanos() >= heldNanos,
                    "lifetime " + closed.getDuration() + " shorter than the " + heldNanos + " ns it was held");
        }
    }

    @Test
    void theEventsAreOffUnlessARecordingAsksForThem() throws Exception {
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            TcpServer server = servers.start(new TcpServer(TcpServerConfig.loopback(0), connection -> { }));
            new Socket("127.0.0.1", server.port()).close();
            Poll.untilEquals("closed connections", 1L, () -> server.metrics().closed());
            recording.stop();
            List<RecordedEvent> events = read(recording);
            assertEquals(0, events.stream().filter(e -> e.getEventType().getName().startsWith("dev.weft.")).count());
        }
    }

    private List<RecordedEvent> read(Recording recording) throws Exception {
        Path file = Files.createTempFile(dir, "connections", ".jfr");
        recording.dump(file);
        return RecordingFile.readAllEvents(file);
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> matching = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertEquals(1, matching.size(), name + " events: " + matching);
        return matching.get(0);
    }
}
