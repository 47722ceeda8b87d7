package dev.weft.udp.internal;

import dev.weft.udp.DatagramSender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DatagramSender} of one server: each datagram goes out at once, on the caller's
 * thread, when nothing is queued before it; otherwise, or when the socket's send buffer is full,
 * it waits in a bounded queue drained by one virtual thread of the server.
 *
 * <p>Sending on the caller's thread is safe only on a <b>non-blocking</b> channel: a blocking
 * {@link DatagramChannel} is an {@code InterruptibleChannel}, so a send from any thread whose
 * interrupt flag happens to be set — say a TCP connection thread relaying a chat line while its
 * own server stops — would close the channel and with it the whole UDP server; a non-blocking
 * send never waits and the JDK arms no interrupt hook for it. On a blocking channel (tests) every
 * datagram is queued, as before. Either way {@link #send} never blocks, as {@code Client.send}
 * promises, and one caller's datagrams leave in the order it sent them: a datagram goes out at
 * once only while none is queued. A full queue drops the datagram and counts it, as a full socket
 * buffer would.
 *
 * <p>Measured on the relay's fan-out (one message to 64 peers): the hand-off to the send thread
 * cost a queue offer per datagram and a wake-up of that thread per message; a reply now costs
 * just its {@code sendto}.
 */
public final class SendQueue implements DatagramSender, Runnable {

    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    private record Outgoing(InetSocketAddress to, byte[] payload) {
    }

    /** Tells the draining thread that nothing follows. */
    private static final Outgoing END = new Outgoing(new InetSocketAddress(0), new byte[0]);
    /** The most datagrams taken from the queue at once. */
    private static final int BATCH = 256;
    /** The send thread's pause when the socket's send buffer is full. */
    private static final long FULL_BUFFER_PAUSE_NANOS = 1_000_000;

    /** What became of one attempt to send. */
    private enum Attempt { DONE, NO_ROOM, CLOSED }

    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final ArrayBlockingQueue<Outgoing> queue;
    private final UdpCounters counters;
    private final boolean direct;
    /** Datagrams queued and not yet handed to the kernel (or failed). */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean finishing;

    /**
     * An empty queue on {@code channel}.
     *
     * @param channel      the server's bound channel; non-blocking for callers to send at once
     * @param localAddress its bound address
     * @param capacity     the most datagrams waiting to be sent
     * @param counters     where sends, failures and drops are counted
     */
    public SendQueue(DatagramChannel channel, InetSocketAddress localAddress, int capacity, UdpCounters counters) {
        this.channel = channel;
        this.localAddress = localAddress;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.counters = counters;
        this.direct = !channel.isBlocking();
    }

    @Override
    public boolean send(InetSocketAddress to, byte[] payload) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(payload, "payload");
        if (to.isUnresolved()) {
            throw new IllegalArgumentException("cannot send to an unresolved address: " + to);
        }
        if (finishing || !channel.isOpen()) {
            counters.sendFailures.increment();
            return false;
        }
        Outgoing datagram = new Outgoing(to, payload);
        if (direct && pending.get() == 0) {
            switch (attempt(datagram)) {
                case DONE -> {
                    return true;
                }
                case CLOSED -> {
                    return false;
                }
                default -> {
                    // the socket's send buffer is full: queue it for the send thread
                }
            }
        }
        pending.incrementAndGet();
        if (!queue.offer(datagram)) {
            pending.decrementAndGet();
            counters.droppedSendQueueFull.increment();
            return false;
        }
        return true;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Drains the queue until {@link #finish()} and the queue is empty, or the channel closes. Takes
     * what is waiting in batches, so that a burst of fan-out costs one lock round per batch.
     */
    @Override
    public void run() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                for (Outgoing next : batch) {
                    if (next == END || !write(next)) {
                        return;
                    }
                    pending.decrementAndGet();
                }
                batch.clear();
                if (finishing && queue.isEmpty()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            log.debug("send thread interrupted by stop; {} datagrams not sent", queue.size());
        }
    }

    /**
     * Sends one queued datagram, pausing while the socket's send buffer is full; returns false
     * once the channel is closed.
     */
    private boolean write(Outgoing datagram) throws InterruptedException {
        Attempt attempt;
        while ((attempt = attempt(datagram)) == Attempt.NO_ROOM) {
            LockSupport.parkNanos(this, FULL_BUFFER_PAUSE_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return attempt == Attempt.DONE;
    }

    /** One {@code send}: done (sent, or failed and counted), no room in the socket buffer, or closed. */
    private Attempt attempt(Outgoing datagram) {
        try {
            int sent = channel.send(ByteBuffer.wrap(datagram.payload()), datagram.to());
            if (sent == 0 && datagram.payload().length > 0) {
                return Attempt.NO_ROOM;
            }
            counters.bytesSent.add(datagram.payload().length);
            counters.sent.increment(); // last: whoever sees the count sees the bytes too
            return Attempt.DONE;
        } catch (ClosedChannelException e) {
            counters.sendFailures.increment();
            return Attempt.CLOSED; // stop() closed the channel
        } catch (IOException e) {
            // The kernel refused it (unreachable, too long). Counted; DEBUG, because receivers'
            // addresses come from the network and a flood of bad ones must not flood the log.
            counters.sendFailures.increment();
            log.debug("send of {} bytes to {} failed: {}", datagram.payload().length, datagram.to(), e.toString());
            return Attempt.DONE;
        } catch (RuntimeException e) {
            // For example an IPv6 receiver on an IPv4-only channel: a caller's mistake, not ours.
            counters.sendFailures.increment();
            log.warn("cannot send {} bytes to {}", datagram.payload().length, datagram.to(), e);
            return Attempt.DONE;
        }
    }

    /**
     * Accepts no more datagrams and lets the draining thread end once those queued are sent.
     */
    public void finish() {
        finishing = true;
        if (!queue.offer(END)) {
            log.debug("send queue full at stop: the send thread ends once it has drained it");
        }
    }
}
