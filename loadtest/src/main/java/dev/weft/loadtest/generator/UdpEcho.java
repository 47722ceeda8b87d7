package dev.weft.loadtest.generator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * UDP echo: {@code peers} client sockets, each on a platform thread of its own (so the
 * generator blocks in {@code recvfrom} without a poller of its own in the way), each keeping
 * {@link Spec#window()} datagrams in flight — a closed loop with a window. Every datagram
 * carries its peer's sequence number and its send time, then filler up to
 * {@link Spec#payloadBytes()}; an echo must come back byte for byte.
 *
 * <p>The result counts echoes, their latency from send to receipt, and as errors the datagrams
 * lost (no echo within {@value #LOST_AFTER_MILLIS} ms: the peer frees its slot and sends
 * another) plus echoes that differ from what was sent. An echo that arrives after its datagram
 * was counted as lost is ignored. Only datagrams sent inside the measurement window count.
 */
public final class UdpEcho {

    /** How long a peer waits for any echo before it counts its datagrams in flight as lost. */
    static final int LOST_AFTER_MILLIS = 200;
    private static final long LOST_AFTER_NANOS = LOST_AFTER_MILLIS * 1_000_000L;
    private static final int HEADER_BYTES = 2 * Long.BYTES;
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;

    /**
     * One UDP echo step.
     *
     * @param server       the echo server's address
     * @param peers        client sockets, each with its own source port
     * @param payloadBytes bytes per datagram, at least 16 (sequence number and send time)
     * @param window       datagrams in flight per peer
     * @param warmup       unrecorded time at the start
     * @param measure      the measurement window
     */
    public record Spec(InetSocketAddress server, int peers, int payloadBytes, int window, Duration warmup,
                       Duration measure) {
        /** Validates. */
        public Spec {
            Objects.requireNonNull(server, "server");
            if (peers <= 0 || payloadBytes < HEADER_BYTES || window <= 0) {
                throw new IllegalArgumentException("need peers > 0, payloadBytes >= " + HEADER_BYTES + ", window > 0: "
                        + peers + ", " + payloadBytes + ", " + window);
            }
        }
    }

    private UdpEcho() {
    }

    /** Runs the step; every socket is closed and every peer thread ended before it returns. */
    public static LoadResult run(Spec spec, MeasurementListener listener) throws IOException, InterruptedException {
        Tally tally = new Tally();
        LongAdder lost = new LongAdder();
        CountDownLatch go = new CountDownLatch(1);
        List<DatagramSocket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < spec.peers(); i++) {
                sockets.add(open(spec.server()));
            }
            long start = System.nanoTime();
            long measureStart = start + spec.warmup().toNanos();
            long end = measureStart + spec.measure().toNanos();
            Tally.Window window = new Tally.Window(start, measureStart, end);
            tally.open(window);
            for (int i = 0; i < spec.peers(); i++) {
                Peer peer = new Peer(spec, sockets.get(i), window, tally, lost);
                threads.add(Thread.ofPlatform().name("udp-echo-peer-" + i).daemon().start(() -> peer.run(go)));
            }
            go.countDown();
            parkUntil(measureStart);
            listener.started();
            parkUntil(end);
            listener.ended();
            for (Thread thread : threads) {
                thread.join(); // each ends at most LOST_AFTER_MILLIS after the window, its last echoes in or lost
            }
        } finally {
            sockets.forEach(DatagramSocket::close);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        LoadResult result = tally.result();
        return new LoadResult(result.responses(), result.errors() + lost.sum(), 0, result.latencies(), result.measured());
    }

    private static DatagramSocket open(InetSocketAddress server) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
            socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
            socket.setSoTimeout(LOST_AFTER_MILLIS);
            socket.connect(server);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static void parkUntil(long deadline) throws InterruptedException {
        for (long wait; (wait = deadline - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("udp echo step interrupted");
            }
        }
    }

    /** One client socket: its datagrams in flight (sequence number and send time) and its loop. */
    private static final class Peer {
        private final Spec spec;
        private final DatagramSocket socket;
        private final Tally.Window window;
        private final Tally tally;
        private final LongAdder lost;
        private final long[] sequences;
        private final long[] sentAt;
        private int inFlight;
        private long nextSequence;
        private final byte[] out;
        private final DatagramPacket outPacket;
        private final byte[] in;
        private final DatagramPacket inPacket;

        Peer(Spec spec, DatagramSocket socket, Tally.Window window, Tally tally, LongAdder lost) {
            this.spec = spec;
            this.socket = socket;
            this.window = window;
            this.tally = tally;
            this.lost = lost;
            this.sequences = new long[spec.window()];
            this.sentAt = new long[spec.window()];
            this.out = new byte[spec.payloadBytes()];
            for (int i = HEADER_BYTES; i < out.length; i++) {
                out[i] = (byte) ('a' + i % 26);
            }
            this.outPacket = new DatagramPacket(out, out.length);
            this.in = new byte[spec.payloadBytes() + 1];
            this.inPacket = new DatagramPacket(in, in.length);
        }

        void run(CountDownLatch go) {
            try {
                go.await();
                while (true) {
                    boolean sending = System.nanoTime() < window.endNanos();
                    while (sending && inFlight < spec.window()) {
                        send();
                    }
                    if (!sending && inFlight == 0) {
                        return;
                    }
                    receive();
                }
            } catch (IOException e) {
                countLost(); // the socket was closed under the peer: what it had in flight never came back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void send() throws IOException {
            long now = System.nanoTime();
            ByteBuffer.wrap(out).putLong(nextSequence).putLong(now);
            socket.send(outPacket);
            sequences[inFlight] = nextSequence++;
            sentAt[inFlight++] = now;
        }

        private void receive() throws IOException {
            try {
                inPacket.setLength(in.length);
                socket.receive(inPacket);
            } catch (SocketTimeoutException e) {
                countLost();
                return;
            }
            long now = System.nanoTime();
            int slot = slotOf(ByteBuffer.wrap(in).getLong());
            if (slot >= 0) { // else a late echo of a datagram already counted as lost
                long sent = sentAt[slot];
                free(slot);
                if (isEcho(sent)) {
                    tally.completed(sent, now, 1);
                } else if (inWindow(sent)) {
                    tally.error();
                }
            }
            expire(now);
        }

        private void free(int slot) {
            inFlight--;
            sequences[slot] = sequences[inFlight];
            sentAt[slot] = sentAt[inFlight];
        }

        /** Counts as lost, and frees, every datagram in flight longer than {@link #LOST_AFTER_MILLIS}. */
        private void expire(long now) {
            for (int i = inFlight - 1; i >= 0; i--) {
                if (now - sentAt[i] > LOST_AFTER_NANOS) {
                    if (inWindow(sentAt[i])) {
                        lost.increment();
                    }
                    free(i);
                }
            }
        }

        private int slotOf(long sequence) {
            for (int i = 0; i < inFlight; i++) {
                if (sequences[i] == sequence) {
                    return i;
                }
            }
            return -1;
        }

        /** The echo has the length, send time and filler of the datagram sent at {@code sent}. */
        private boolean isEcho(long sent) {
            return inPacket.getLength() == out.length && ByteBuffer.wrap(in).getLong(Long.BYTES) == sent
                    && Arrays.equals(in, HEADER_BYTES, out.length, out, HEADER_BYTES, out.length);
        }

        private boolean inWindow(long sent) {
            return sent >= window.measureStartNanos() && sent < window.endNanos();
        }

        /** Every datagram in flight is lost; those sent in the measurement window are counted. */
        private void countLost() {
            for (int i = 0; i < inFlight; i++) {
                if (inWindow(sentAt[i])) {
                    lost.increment();
                }
            }
            inFlight = 0;
        }
    }
}
