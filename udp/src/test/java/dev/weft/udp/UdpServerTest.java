package dev.weft.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PinningRecorder.class)
class UdpServerTest {

    private static final DatagramHandler ECHO = (datagram, sender) -> {
        sender.send(datagram.sender(), datagram.bytes());
        return DatagramOutcome.HANDLED;
    };

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private UdpServer start(UdpServerConfig config, DatagramHandler handler) {
        return servers.start(new UdpServer(config, handler));
    }

    private TestPeer peer(UdpServer server) {
        return servers.closeAfterwards(new TestPeer(server.localAddress()));
    }

    @Test
    void echoesEachDatagramToItsSenderAndCountsIt() throws IOException {
        UdpServer server = start(UdpServerConfig.loopback(0), ECHO);
        TestPeer a = peer(server);
        TestPeer b = peer(server);

        a.send("from a");
        b.send("from b");

        assertEquals("from a", a.receiveRaw());
        assertEquals("from b", b.receiveRaw());
        // The send thread counts a datagram once the kernel has taken it: maybe just after it arrived.
        Poll.untilEqual("datagrams sent", 2, () -> server.metrics().sent());
        UdpMetrics metrics = server.metrics();
        assertEquals(2, metrics.received());
        assertEquals(12, metrics.bytesReceived());
        assertEquals(12, metrics.bytesSent());
    }

    @Test
    void virtualThreadPerDatagramRunsBlockingHandlersConcurrently() throws IOException {
        // Each handler waits until three are running at once: with inline dispatch this would
        // never complete, so the replies prove the datagrams were handled concurrently.
        CyclicBarrier allThree = new CyclicBarrier(3);
        DatagramHandler blocking = (datagram, sender) -> {
            allThree.await(5, TimeUnit.SECONDS);
            return ECHO.handle(datagram, sender);
        };
        UdpServer server = start(UdpServerConfig.builder().host("127.0.0.1")
                .dispatch(Dispatch.VIRTUAL_THREAD_PER_DATAGRAM).build(), blocking);
        List<TestPeer> peers = List.of(peer(server), peer(server), peer(server));

        for (int i = 0; i < peers.size(); i++) {
            peers.get(i).send("n" + i);
        }

        for (int i = 0; i < peers.size(); i++) {
            assertEquals("n" + i, peers.get(i).receiveRaw());
        }
        assertEquals(0, server.metrics().handlerFailures());
    }

    @Test
    void datagramsOverTheInFlightLimitAreDroppedAndCounted() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        DatagramHandler waitsForRelease = (datagram, sender) -> {
            release.await(5, TimeUnit.SECONDS);
            return ECHO.handle(datagram, sender);
        };
        UdpServer server = start(UdpServerConfig.builder().host("127.0.0.1")
                .dispatch(Dispatch.VIRTUAL_THREAD_PER_DATAGRAM).maxInFlightDatagrams(1).build(), waitsForRelease);
        TestPeer peer = peer(server);

        peer.send("first");
        peer.send("second");
        Poll.untilEqual("datagrams dropped over the in-flight limit", 1, () -> server.metrics().droppedQueueFull());
        release.countDown();

        assertEquals("first", peer.receiveRaw());
        assertEquals(2, server.metrics().received());
    }

    @Test
    void oversizedDatagramIsDroppedCountedAndTheServerKeepsServing() throws IOException {
        Set<Integer> handledLengths = ConcurrentHashMap.newKeySet();
        DatagramHandler recording = (datagram, sender) -> {
            handledLengths.add(datagram.length());
            return ECHO.handle(datagram, sender);
        };
        UdpServer server = start(UdpServerConfig.builder().host("127.0.0.1").maxDatagramBytes(100).build(), recording);
        TestPeer peer = peer(server);

        peer.sendBytes(new byte[101]);
        peer.sendBytes(new byte[100]);

        assertEquals(100, peer.receiveRaw().length());
        assertEquals(Set.of(100), handledLengths);
        assertEquals(1, server.metrics().droppedOversized());
        assertEquals(2, server.metrics().received());
    }

    @Test
    void malformedOutcomesAndHandlerFailuresAreCountedAndTheLoopSurvives() throws IOException {
        DatagramHandler picky = (datagram, sender) -> switch (datagram.text()) {
            case "bad" -> DatagramOutcome.MALFORMED;
            case "boom" -> throw new IllegalStateException("handler bug, on purpose");
            default -> ECHO.handle(datagram, sender);
        };
        UdpServer server = start(UdpServerConfig.loopback(0), picky);
        TestPeer peer = peer(server);

        peer.send("bad");
        peer.send("boom");
        peer.send("good");

        assertEquals("good", peer.receiveRaw());
        assertEquals(1, server.metrics().droppedMalformed());
        assertEquals(1, server.metrics().handlerFailures());
        assertTrue(server.isRunning());
    }

    @Test
    void bindingAPortInUseFailsWithTheAddressInTheMessage() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            UdpServer server = servers.closeAfterwards(
                    new UdpServer(UdpServerConfig.loopback(taken.getLocalPort()), ECHO));

            BindException e = assertThrows(BindException.class, server::start);

            assertEquals("127.0.0.1:" + taken.getLocalPort() + " is already in use", e.getMessage());
        }
    }

    @Test
    void theFlatBuilderFillsTheSubRecordsAndToBuilderKeepsEverySetting() {
        UdpServerConfig config = UdpServerConfig.builder().name("relay").host("127.0.0.1").port(7009)
                .maxDatagramBytes(512).receiveBufferBytes(4_096).sendBufferBytes(8_192).sendQueueDatagrams(64)
                .dispatch(Dispatch.VIRTUAL_THREAD_PER_DATAGRAM).maxInFlightDatagrams(8)
                .shutdownGrace(Duration.ofSeconds(1)).build();

        assertEquals(new DatagramBuffers(512, 4_096, 8_192, 64), config.buffers());
        assertEquals(new DispatchConfig(Dispatch.VIRTUAL_THREAD_PER_DATAGRAM, 8), config.dispatch());
        assertEquals(config, config.toBuilder().build());
        assertEquals(DatagramBuffers.DEFAULTS, UdpServerConfig.loopback(0).buffers());
    }

    @Test
    void aConfigurationOutOfRangeIsRejectedWithItsValue() {
        assertEquals("maxDatagramBytes must be in 1..65507: 65508", assertThrows(IllegalArgumentException.class,
                () -> UdpServerConfig.builder().maxDatagramBytes(65_508).build()).getMessage());
        assertEquals("maxInFlightDatagrams must be > 0: 0", assertThrows(IllegalArgumentException.class,
                () -> UdpServerConfig.builder().maxInFlightDatagrams(0).build()).getMessage());
        assertEquals("port must be in 0..65535: 70000", assertThrows(IllegalArgumentException.class,
                () -> UdpServerConfig.builder().port(70_000).build()).getMessage());
    }

    @Test
    void startingTwiceIsRefused() throws IOException {
        UdpServer server = start(UdpServerConfig.loopback(0), ECHO);

        assertThrows(IllegalStateException.class, server::start);
    }

    @Test
    void stopLeavesNoThreadOfTheServerBehind() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        DatagramHandler stuck = (datagram, sender) -> {
            never.await(); // interrupted by stop once the grace period is over
            return DatagramOutcome.HANDLED;
        };
        UdpServer server = start(UdpServerConfig.builder().host("127.0.0.1").name("udp-stop-test")
                .dispatch(Dispatch.VIRTUAL_THREAD_PER_DATAGRAM).build(), stuck);
        peer(server).send("hold a thread");
        Poll.untilEqual("handler threads", 1, () -> LiveThreads.named("udp-stop-test-datagram-").size());

        server.stop(Duration.ofMillis(50));

        assertEquals(List.of(), LiveThreads.named("udp-stop-test"));
        assertFalse(server.isRunning());
        assertEquals(1, server.metrics().handlerFailures()); // the interrupted one
    }

    @Test
    void handlersStillRunningWhenStopBeginsCanReplyDuringTheGracePeriod() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DatagramHandler slow = (datagram, sender) -> {
            handling.countDown();
            release.await(5, TimeUnit.SECONDS);
            return ECHO.handle(datagram, sender);
        };
        UdpServer server = start(UdpServerConfig.builder().host("127.0.0.1")
                .dispatch(Dispatch.VIRTUAL_THREAD_PER_DATAGRAM).build(), slow);
        TestPeer peer = peer(server);
        peer.send("late reply");
        assertTrue(handling.await(5, TimeUnit.SECONDS));

        Thread stopper = Thread.ofVirtual().start(() -> server.stop(Duration.ofSeconds(5)));
        Poll.until("the server to begin stopping", () -> !server.isRunning());
        release.countDown();

        assertEquals("late reply", peer.receiveRaw());
        assertTrue(stopper.join(Duration.ofSeconds(5)));
    }
}
