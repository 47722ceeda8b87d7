package dev.weft.loadtest.generator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * UDP relay fan-out: {@code receivers} peers and one sender join one room of a Weft UDP relay
 * ({@code JOIN <room> <nickname>}); the sender sends {@code MSG} datagrams, each carrying its
 * send time, and the relay copies each to every receiver. The sender keeps at most
 * {@link Spec#window()} messages in flight, counted by the first receiver, so the relay is kept
 * busy without flooding its socket buffer; a lost message frees its slot after
 * {@value #LOST_SLOT_MILLIS} ms.
 *
 * <p>The result counts deliveries (a message delivered to 64 receivers is 64 responses), their
 * latency from send to receipt, and as errors the deliveries lost: messages sent in the window
 * times receivers, minus deliveries of those messages.
 */
public final class UdpFanOut {

    private static final int LOST_SLOT_MILLIS = 20;
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;
    private static final Duration DRAIN = Duration.ofMillis(300);
    private static final String STAMP = "t=";

    /**
     * One fan-out step.
     *
     * @param relay        the relay's address
     * @param receivers    how many receiving peers
     * @param payloadBytes filler bytes per message besides the time stamp
     * @param window       messages in flight at most
     * @param warmup       unrecorded time at the start
     * @param measure      the measurement window
     */
    public record Spec(InetSocketAddress relay, int receivers, int payloadBytes, int window, Duration warmup,
                       Duration measure) {
        /** Validates. */
        public Spec {
            Objects.requireNonNull(relay, "relay");
            if (receivers <= 0 || payloadBytes < 0 || window <= 0) {
                throw new IllegalArgumentException("need receivers > 0, payloadBytes >= 0, window > 0: "
                        + receivers + ", " + payloadBytes + ", " + window);
            }
        }
    }

    private UdpFanOut() {
    }

    /** Runs the step; the sockets are closed and the receiver threads ended before it returns. */
    public static LoadResult run(Spec spec, MeasurementListener listener) throws IOException, InterruptedException {
        Tally tally = new Tally();
        Semaphore window = new Semaphore(spec.window());
        List<DatagramSocket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String room = "fanout" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        try {
            for (int i = 0; i < spec.receivers(); i++) {
                DatagramSocket socket = join(spec.relay(), room, "r" + i);
                sockets.add(socket);
                Semaphore releases = i == 0 ? window : null;
                threads.add(Thread.ofVirtual().name("fanout-receiver-" + i).start(() -> receive(socket, tally, releases)));
            }
            DatagramSocket sender = join(spec.relay(), room, "sender");
            sockets.add(sender);
            long start = System.nanoTime();
            long measureStart = start + spec.warmup().toNanos();
            long end = measureStart + spec.measure().toNanos();
            tally.open(new Tally.Window(start, measureStart, end));
            long sentInWindow = send(spec, sender, window, measureStart, end, listener);
            drain(tally, sentInWindow * spec.receivers());
            LoadResult result = tally.result();
            long lost = Math.max(0, sentInWindow * spec.receivers() - result.responses());
            return new LoadResult(result.responses(), lost, 0, result.latencies(), result.measured());
        } finally {
            sockets.forEach(DatagramSocket::close);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static long send(Spec spec, DatagramSocket sender, Semaphore window, long measureStart, long end,
                             MeasurementListener listener) throws IOException, InterruptedException {
        String filler = "x".repeat(spec.payloadBytes());
        long sentInWindow = 0;
        boolean measuring = false;
        for (long now; (now = System.nanoTime()) < end; ) {
            if (!measuring && now >= measureStart) {
                measuring = true;
                listener.started();
            }
            if (!window.tryAcquire(LOST_SLOT_MILLIS, TimeUnit.MILLISECONDS)) {
                window.release();
                continue;
            }
            long stamp = System.nanoTime();
            if (stamp >= end) {
                break; // the wait for a slot ran past the end: this message would not be counted
            }
            byte[] message = ("MSG " + STAMP + stamp + " " + filler).getBytes(StandardCharsets.US_ASCII);
            sender.send(new DatagramPacket(message, message.length, spec.relay()));
            if (stamp >= measureStart) {
                sentInWindow++;
            }
        }
        if (!measuring) {
            listener.started();
        }
        listener.ended();
        return sentInWindow;
    }

    /** Gives deliveries still on their way a short time to arrive, polling with a deadline. */
    private static void drain(Tally tally, long expected) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && tally.responses() < expected) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private static DatagramSocket join(InetSocketAddress relay, String room, String nickname) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
        socket.setSoTimeout(5_000);
        byte[] join = ("JOIN " + room + " " + nickname).getBytes(StandardCharsets.US_ASCII);
        DatagramPacket reply = new DatagramPacket(new byte[512], 512);
        for (int attempt = 0; ; attempt++) {
            socket.send(new DatagramPacket(join, join.length, relay));
            try {
                do {
                    reply.setLength(512);
                    socket.receive(reply);
                } while (reply.getData()[0] == '*');
                break;
            } catch (SocketTimeoutException e) {
                if (attempt == 2) {
                    socket.close();
                    throw new IOException(nickname + " got no answer to JOIN from " + relay, e);
                }
            }
        }
        String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
        if (!text.startsWith("OK joined")) {
            socket.close();
            throw new IOException(nickname + " could not join: " + text);
        }
        socket.setSoTimeout(0);
        return socket;
    }

    private static void receive(DatagramSocket socket, Tally tally, Semaphore releases) {
        DatagramPacket packet = new DatagramPacket(new byte[4_096], 4_096);
        while (true) {
            try {
                packet.setLength(4_096);
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed at the end of the run
            }
            long now = System.nanoTime();
            OptionalLong stamp = stamp(packet);
            if (stamp.isEmpty()) {
                continue; // a join or leave notice
            }
            tally.completed(stamp.getAsLong(), now, 1);
            if (releases != null) {
                releases.release();
            }
        }
    }

    /** The send time carried by a relayed message ({@code "<nick>: t=<nanos> ..."}); empty for a notice. */
    private static OptionalLong stamp(DatagramPacket packet) {
        byte[] data = packet.getData();
        int end = packet.getLength();
        for (int i = 0; i + 1 < end; i++) {
            if (data[i] == 't' && data[i + 1] == '=') {
                int j = i + 2;
                boolean negative = j < end && data[j] == '-';
                long value = 0;
                for (j += negative ? 1 : 0; j < end && data[j] >= '0' && data[j] <= '9'; j++) {
                    value = value * 10 + (data[j] - '0');
                }
                return OptionalLong.of(negative ? -value : value);
            }
        }
        return OptionalLong.empty();
    }
}
