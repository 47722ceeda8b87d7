package dev.weft.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.udp.UdpMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue alone, its send thread never started, so what is queued stays queued: on a blocking
 * channel everything is queued; on a non-blocking one a datagram goes out on the caller's thread.
 */
class SendQueueTest {

    private static final InetSocketAddress SOMEONE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);

    private final UdpCounters counters = new UdpCounters();
    private DatagramChannel channel;
    private SendQueue queue;

    @BeforeEach
    void open() throws IOException {
        channel = DatagramChannel.open();
        queue = new SendQueue(channel, SOMEONE, 2, counters);
    }

    @AfterEach
    void close() throws IOException {
        channel.close();
    }

    @Test
    void aDatagramOverTheCapacityIsDroppedAndCountedWithoutBlocking() {
        assertTrue(queue.send(SOMEONE, new byte[1]));
        assertTrue(queue.send(SOMEONE, new byte[1]));

        assertFalse(queue.send(SOMEONE, new byte[1]));

        UdpMetrics metrics = counters.snapshot(0);
        assertEquals(1, metrics.droppedSendQueueFull());
        assertEquals(0, metrics.sent());
    }

    @Test
    void onANonBlockingChannelEvenAnInterruptedCallerSendsAtOnceAndLeavesTheChannelOpen() throws Exception {
        try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            server.configureBlocking(false);
            SendQueue direct = new SendQueue(server, (InetSocketAddress) server.getLocalAddress(), 2, counters);
            InetSocketAddress to = (InetSocketAddress) receiver.getLocalAddress();
            receiver.socket().setSoTimeout(5_000);
            Thread.currentThread().interrupt();
            try {
                for (int i = 0; i < 3; i++) { // more than the queue holds: none of them is queued
                    assertTrue(direct.send(to, new byte[] {(byte) i}));
                }
            } finally {
                Thread.interrupted();
            }
            assertTrue(server.isOpen(), "an interrupted caller closed the channel");
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[8], 8);
            for (int i = 0; i < 3; i++) {
                receiver.socket().receive(packet);
                assertEquals(i, packet.getData()[0], "datagrams out of order");
            }
            assertEquals(3, counters.snapshot(0).sent());
        }
    }

    @Test
    void nothingIsAcceptedOnceFinishing() {
        queue.finish();

        assertFalse(queue.send(SOMEONE, new byte[1]));
        assertEquals(1, counters.snapshot(0).sendFailures());
    }

    @Test
    void anUnresolvedReceiverIsTheCallersMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> queue.send(InetSocketAddress.createUnresolved("nowhere.invalid", 9), new byte[1]));
    }
}
