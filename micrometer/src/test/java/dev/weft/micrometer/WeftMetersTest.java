package dev.weft.micrometer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.ClientRegistry;
import dev.weft.core.ServerMetrics;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.pool.PoolMetrics;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsMetrics;
import dev.weft.http.Http2Metrics;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.TestServer;
import dev.weft.udp.DatagramOutcome;
import dev.weft.udp.UdpMetrics;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class WeftMetersTest {

    private final ClientRegistry clients = ClientRegistry.create();

    /** Echoes lines; a client of the registry while connected. */
    @TestServer
    final TcpServer lines = new TcpServer(TcpServerConfig.loopback(0), connection -> {
        connection.client();
        BufferedInput in = new BufferedInput(connection);
        for (String line; (line = in.readLine(1024)) != null; ) {
            connection.write((line + "\n").getBytes(UTF_8));
        }
    }, clients);

    /** Answers "ok" to "ping", refuses anything else as malformed. */
    @TestServer
    final UdpServer udp = new UdpServer(UdpServerConfig.loopback(0), (datagram, sender) -> DatagramOutcome.MALFORMED);

    private final MeterRegistry registry = new SimpleMeterRegistry();

    private double value(String name, String... tags) {
        Meter meter = registry.find(name).tags(tags).meter();
        assertTrue(meter != null, () -> "no meter " + name + " " + String.join(",", tags));
        return meter.measure().iterator().next().getValue();
    }

    @Test
    void aServersCountersFollowItsConnections() throws IOException {
        WeftMeters.on(registry).server("lines", lines::metrics).clients(clients);
        assertEquals(0, value("weft.server.connections.accepted", "server", "lines"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), lines.port())) {
            socket.getOutputStream().write("hello\n".getBytes(UTF_8));
            assertEquals("hello", new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine());
            assertEquals(1, value("weft.server.connections.accepted", "server", "lines"));
            assertEquals(1, value("weft.server.connections.active", "server", "lines"));
            assertEquals(6, value("weft.server.received", "server", "lines"));
            // The server counts what it wrote once the write returns, which may be after the echo arrived.
            Poll.until("the echo is counted", () -> value("weft.server.sent", "server", "lines") == 6);
            Poll.until("the client is in the registry", () -> value("weft.clients") == 1);
        }
        Poll.until("the connection is closed", () -> value("weft.server.connections.closed", "server", "lines") == 1);
        assertEquals(0, value("weft.server.connections.active", "server", "lines"));
        Poll.until("the client left the registry", () -> value("weft.clients") == 0);
        assertEquals(0, value("weft.clients.slow.disconnected"));
    }

    @Test
    void aUdpServersCountersFollowItsDatagrams() throws IOException {
        WeftMeters.on(registry).udp("chat", udp::metrics);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] payload = "what?".getBytes(UTF_8);
            socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), udp.port()));
        }
        Poll.until("the datagram was received", () -> value("weft.udp.datagrams.received", "server", "chat") == 1);
        Poll.until("the datagram was dropped as malformed",
                () -> value("weft.udp.datagrams.dropped", "server", "chat", "reason", "malformed") == 1);
        assertEquals(5, value("weft.udp.received", "server", "chat"));
        assertEquals(0, value("weft.udp.datagrams.dropped", "server", "chat", "reason", "oversized"));
    }

    @Test
    void everyComponentOfEverySnapshotHasItsOwnMeter() {
        ServerMetrics server = new ServerMetrics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                new TlsMetrics(12, Map.of(HandshakeFailure.TIMEOUT, 13L)));
        UdpMetrics datagrams = new UdpMetrics(21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32);
        PoolMetrics pool = new PoolMetrics(41, 42, 43, 44, 45, 46, 47, 48);
        WeftMeters.on(registry).server("s", () -> server).udp("u", () -> datagrams).pool("p", () -> pool);
        Map<String, Double> read = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            read.put(meter.getId().getName() + meter.getId().getTags(), meter.measure().iterator().next().getValue());
        }
        Map<String, Double> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("weft.server.connections.accepted[tag(server=s)]", 1.0),
                Map.entry("weft.server.connections.active[tag(server=s)]", 2.0),
                Map.entry("weft.server.connections.rejected[tag(server=s)]", 3.0),
                Map.entry("weft.server.connections.closed[tag(server=s)]", 4.0),
                Map.entry("weft.server.received[tag(server=s)]", 5.0),
                Map.entry("weft.server.sent[tag(server=s)]", 6.0),
                Map.entry("weft.server.timeouts[tag(kind=idle), tag(server=s)]", 7.0),
                Map.entry("weft.server.timeouts[tag(kind=write), tag(server=s)]", 8.0),
                Map.entry("weft.server.handler.failures[tag(server=s)]", 9.0),
                Map.entry("weft.server.accept.failures[tag(server=s)]", 10.0),
                Map.entry("weft.server.threads[tag(server=s)]", 11.0),
                Map.entry("weft.server.tls.handshakes[tag(outcome=completed), tag(server=s)]", 12.0),
                Map.entry("weft.udp.datagrams.received[tag(server=u)]", 21.0),
                Map.entry("weft.udp.received[tag(server=u)]", 22.0),
                Map.entry("weft.udp.datagrams.sent[tag(server=u)]", 23.0),
                Map.entry("weft.udp.sent[tag(server=u)]", 24.0),
                Map.entry("weft.udp.datagrams.dropped[tag(reason=oversized), tag(server=u)]", 25.0),
                Map.entry("weft.udp.datagrams.dropped[tag(reason=malformed), tag(server=u)]", 26.0),
                Map.entry("weft.udp.datagrams.dropped[tag(reason=queue_full), tag(server=u)]", 27.0),
                Map.entry("weft.udp.datagrams.dropped[tag(reason=send_queue_full), tag(server=u)]", 28.0),
                Map.entry("weft.udp.handler.failures[tag(server=u)]", 29.0),
                Map.entry("weft.udp.failures[tag(operation=send), tag(server=u)]", 30.0),
                Map.entry("weft.udp.failures[tag(operation=receive), tag(server=u)]", 31.0),
                Map.entry("weft.udp.peers[tag(server=u)]", 32.0),
                Map.entry("weft.pool.connections.created[tag(pool=p)]", 41.0),
                Map.entry("weft.pool.connections.reused[tag(pool=p)]", 42.0),
                Map.entry("weft.pool.connections.discarded[tag(pool=p)]", 43.0),
                Map.entry("weft.pool.connections.evicted[tag(pool=p)]", 44.0),
                Map.entry("weft.pool.acquire.timeouts[tag(pool=p)]", 45.0),
                Map.entry("weft.pool.connect.failures[tag(pool=p)]", 46.0),
                Map.entry("weft.pool.connections[tag(pool=p), tag(state=leased)]", 47.0),
                Map.entry("weft.pool.connections[tag(pool=p), tag(state=idle)]", 48.0)));
        for (HandshakeFailure reason : HandshakeFailure.values()) {
            expected.put("weft.server.tls.handshakes[tag(outcome=failed), tag(reason="
                    + reason.name().toLowerCase(Locale.ROOT) + "), tag(server=s)]", reason == HandshakeFailure.TIMEOUT ? 13.0 : 0.0);
        }
        assertEquals(expected, read);
    }

    @Test
    void everyHttp2CounterHasItsOwnMeter() {
        Http2Metrics http2 = new Http2Metrics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, new Http2Metrics.Floods(13, 14, 15, 16, 17));
        WeftMeters.on(registry).http2("h", () -> http2);
        Map<String, Double> read = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            read.put(meter.getId().getName() + meter.getId().getTags(), meter.measure().iterator().next().getValue());
        }
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("weft.http2.connections[tag(server=h)]", 1.0),
                Map.entry("weft.http2.connections.open[tag(server=h)]", 2.0),
                Map.entry("weft.http2.streams[tag(server=h)]", 3.0),
                Map.entry("weft.http2.streams.open[tag(server=h)]", 4.0),
                Map.entry("weft.http2.streams.refused[tag(server=h)]", 5.0),
                Map.entry("weft.http2.streams.reset[tag(by=client), tag(server=h)]", 6.0),
                Map.entry("weft.http2.streams.reset[tag(by=server), tag(server=h)]", 7.0),
                Map.entry("weft.http2.stream.write.timeouts[tag(server=h)]", 8.0),
                Map.entry("weft.http2.header.lists.too.large[tag(server=h)]", 9.0),
                Map.entry("weft.http2.connection.errors[tag(server=h)]", 10.0),
                Map.entry("weft.http2.timeouts[tag(kind=idle), tag(server=h)]", 11.0),
                Map.entry("weft.http2.timeouts[tag(kind=settings), tag(server=h)]", 12.0),
                Map.entry("weft.http2.floods[tag(kind=rapid_reset), tag(server=h)]", 13.0),
                Map.entry("weft.http2.floods[tag(kind=header_block), tag(server=h)]", 14.0),
                Map.entry("weft.http2.floods[tag(kind=control_frame), tag(server=h)]", 15.0),
                Map.entry("weft.http2.floods[tag(kind=empty_frame), tag(server=h)]", 16.0),
                Map.entry("weft.http2.floods[tag(kind=unread_answers), tag(server=h)]", 17.0))), read);
        assertThrows(IllegalArgumentException.class, () -> WeftMeters.on(registry).http2("h", () -> http2));
    }

    @Test
    void metersKeepReadingAfterTheBindersAndSuppliersAreGone() {
        bindAndForget(registry, lines);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertEquals(0, value("weft.server.connections.accepted", "server", "lines"));
        assertEquals((double) lines.metrics().threads(), value("weft.server.threads", "server", "lines"),
                "the acceptor, and the epoll poller's threads when the server waits through epoll");
        assertTrue(value("weft.server.threads", "server", "lines") >= 1, "at least the acceptor");
    }

    private static void bindAndForget(MeterRegistry registry, TcpServer server) {
        WeftMeters.on(registry).server("lines", () -> server.metrics());
    }

    @Test
    void aNameBoundTwiceIsRefused() {
        WeftMeters meters = WeftMeters.on(registry).server("lines", lines::metrics).clients(clients).udp("u", udp::metrics)
                .pool("p", () -> new PoolMetrics(0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals("a server named \"lines\" is already bound to this registry",
                assertThrows(IllegalArgumentException.class, () -> meters.server("lines", lines::metrics)).getMessage());
        assertEquals("a client registry is already bound to this meter registry",
                assertThrows(IllegalArgumentException.class, () -> meters.clients(clients)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> meters.udp("u", udp::metrics));
        assertThrows(IllegalArgumentException.class, () -> meters.pool("p", () -> null));
        assertThrows(IllegalArgumentException.class, () -> meters.server(" ", lines::metrics));
        meters.server("other", lines::metrics);
    }

    @Test
    void prometheusNamesFollowItsConventions() throws IOException {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WeftMeters.on(prometheus).server("lines", lines::metrics).clients(clients);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), lines.port())) {
            socket.getOutputStream().write("hi\n".getBytes(UTF_8));
            new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine();
        }
        String scrape = prometheus.scrape();
        for (String line : new String[] {
                "weft_server_connections_accepted_total{server=\"lines\"} 1.0",
                "weft_server_received_bytes_total{server=\"lines\"} 3.0",
                "weft_server_timeouts_total{kind=\"idle\",server=\"lines\"} 0.0",
                "# TYPE weft_server_connections_active gauge",
                "# TYPE weft_clients gauge"}) {
            assertTrue(scrape.contains(line), () -> line + " not in\n" + scrape);
        }
    }
}
