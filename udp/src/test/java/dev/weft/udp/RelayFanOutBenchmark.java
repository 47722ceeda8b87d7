package dev.weft.udp;

import dev.weft.core.ClientRegistry;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsConfig;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures the relay's fan-out on loopback: one sender, {@code receivers} peers in the same room,
 * the relay inline on its receive loop. Not a test (no assertion, not run by the build): run it by
 * hand, see the module's report for the command.
 *
 * <p>The sender keeps at most {@code WINDOW} messages in flight, counted by what the first
 * receiver has got, so the relay is kept busy without flooding its socket buffer; a message lost
 * on the way frees its slot after a short timeout, so a loss cannot stall the run. Everything —
 * sender, relay and 64 receivers — shares this machine's cores, so the figure is an end-to-end
 * one for this box.
 *
 * <p>Arguments, all optional: {@code receivers} (64), {@code seconds} measured (10),
 * {@code payloadBytes} of text per message (64).
 */
public final class RelayFanOutBenchmark {

    private static final int WINDOW = 64;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private RelayFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int receivers = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        Duration measured = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        int payloadBytes = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        UdpServerConfig config = UdpServerConfig.builder().host("127.0.0.1")
                .receiveBufferBytes(SOCKET_BUFFER_BYTES).sendBufferBytes(SOCKET_BUFFER_BYTES).build();
        UdpRelay relay = new UdpRelay(RelayConfig.DEFAULTS, new ChatRooms(RoomsConfig.DEFAULTS), ClientRegistry.create());
        try (UdpServer server = new UdpServer(config, relay).start()) {
            run(server, relay, receivers, measured, payloadBytes);
        }
    }

    private static void run(UdpServer server, UdpRelay relay, int receivers, Duration measured, int payloadBytes)
            throws Exception {
        LongAdder delivered = new LongAdder();
        Semaphore window = new Semaphore(WINDOW);
        List<DatagramSocket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < receivers; i++) {
                DatagramSocket socket = joined(server.localAddress(), "r" + i);
                sockets.add(socket);
                Semaphore releases = i == 0 ? window : null;
                threads.add(Thread.ofVirtual().name("bench-receiver-" + i).start(() -> count(socket, delivered, releases)));
            }
            DatagramSocket sender = joined(server.localAddress(), "sender");
            sockets.add(sender);
            byte[] message = ("MSG " + "x".repeat(payloadBytes)).getBytes(StandardCharsets.UTF_8);
            DatagramPacket packet = new DatagramPacket(message, message.length, server.localAddress());

            long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
            long end = warmUpEnd + measured.toNanos();
            boolean measuring = false;
            UdpMetrics startServer = null;
            long startDelivered = 0;
            while (System.nanoTime() < end) {
                if (!measuring && System.nanoTime() >= warmUpEnd) {
                    measuring = true;
                    startServer = server.metrics();
                    startDelivered = delivered.sum();
                }
                if (!window.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                    window.release(); // a lost datagram: free its slot
                    continue;
                }
                sender.send(packet);
            }
            UdpMetrics endServer = server.metrics();
            long deliveredInWindow = delivered.sum() - startDelivered;
            settle(delivered);
            report(receivers, measured, payloadBytes, startServer, endServer, deliveredInWindow);
            long expected = relay.metrics().messagesRelayed() * receivers;
            System.out.printf("  whole run: %,d messages x %d receivers = %,d chat datagrams due, %,d delivered (%.3f%% lost)%n",
                    relay.metrics().messagesRelayed(), receivers, expected, delivered.sum(),
                    100.0 * (expected - delivered.sum()) / expected);
        } finally {
            sockets.forEach(DatagramSocket::close);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** Waits until the receivers have had everything still in flight (no change for 200 ms). */
    private static void settle(LongAdder delivered) throws InterruptedException {
        long before;
        do {
            before = delivered.sum();
            Thread.sleep(200);
        } while (delivered.sum() != before);
    }

    private static DatagramSocket joined(InetSocketAddress relay, String nickname) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
        socket.setSoTimeout(5_000);
        byte[] join = ("JOIN bench " + nickname).getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(join, join.length, relay));
        DatagramPacket reply = new DatagramPacket(new byte[256], 256);
        socket.receive(reply);
        String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        if (!text.startsWith("OK joined")) {
            throw new IllegalStateException(nickname + " could not join: " + text);
        }
        socket.setSoTimeout(0);
        return socket;
    }

    private static void count(DatagramSocket socket, LongAdder delivered, Semaphore releases) {
        DatagramPacket packet = new DatagramPacket(new byte[2_048], 2_048);
        while (true) {
            try {
                packet.setLength(2_048);
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed at the end of the run
            }
            if (packet.getData()[0] != '*') { // a chat line, not a join notice
                delivered.increment();
                if (releases != null) {
                    releases.release();
                }
            }
        }
    }

    private static void report(int receivers, Duration measured, int payloadBytes, UdpMetrics before,
                               UdpMetrics after, long delivered) {
        double seconds = measured.toNanos() / 1e9;
        long in = after.received() - before.received();
        long out = after.sent() - before.sent();
        System.out.printf("relay fan-out: 1 sender -> %d receivers, %d-byte messages, %.0f s measured after %d s warm-up%n",
                receivers, payloadBytes, seconds, WARM_UP.toSeconds());
        System.out.printf("  messages into the relay:   %,12.0f /s%n", in / seconds);
        System.out.printf("  datagrams sent by relay:   %,12.0f /s%n", out / seconds);
        System.out.printf("  datagrams delivered:       %,12.0f /s%n", delivered / seconds);
        System.out.printf("  server drops: oversized %d, malformed %d, send queue full %d; send failures %d%n",
                after.droppedOversized(), after.droppedMalformed(),
                after.droppedSendQueueFull() - before.droppedSendQueueFull(), after.sendFailures() - before.sendFailures());
    }
}
