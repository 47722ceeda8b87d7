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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DatagramSender} of one server: a bounded queue of outgoing datagrams, drained by one
 * virtual thread of the server that alone writes to the channel.
 *
 * <p>Why a queue and a thread of its own rather than sending on the caller's thread: a blocking
 * {@link DatagramChannel} is an {@code InterruptibleChannel}, so a send from any thread whose
 * interrupt flag happens to be set — say a TCP connection thread relaying a chat line while its
 * own server stops — would close the channel and with it the whole UDP server. Here only the
 * server's own threads touch the channel, and only {@code stop()} interrupts them. The queue
 * also makes {@link #send} never block, as {@code Client.send} promises, and keeps every
 * datagram in the order it was sent. A full queue drops the datagram and counts it, as a full
 * socket buffer would.
 */
public final class SendQueue implements DatagramSender, Runnable {

    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    private record Outgoing(InetSocketAddress to, byte[] payload) {
    }

    /** Tells the draining thread that nothing follows. */
    private static final Outgoing END = new Outgoing(new InetSocketAddress(0), new byte[0]);
    /** The most datagrams taken from the queue at once. */
    private static final int BATCH = 256;

    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final ArrayBlockingQueue<Outgoing> queue;
    private final UdpCounters counters;
    private volatile boolean finishing;

    /**
     * @param channel      the server's bound channel, in blocking mode
     * @param localAddress its bound address
     * @param capacity     the most datagrams waiting to be sent
     * @param counters     where sends, failures and drops are counted
     */
    public SendQueue(DatagramChannel channel, InetSocketAddress localAddress, int capacity, UdpCounters counters) {
        this.channel = channel;
        this.localAddress = localAddress;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.counters = counters;
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
        if (!queue.offer(new Outgoing(to, payload))) {
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

    /** Sends one datagram; returns false once the channel is closed. */
    private boolean write(Outgoing datagram) {
        try {
            channel.send(ByteBuffer.wrap(datagram.payload()), datagram.to());
            counters.bytesSent.add(datagram.payload().length);
            counters.sent.increment(); // last: whoever sees the count sees the bytes too
            return true;
        } catch (ClosedChannelException e) {
            counters.sendFailures.increment();
            return false; // stop() closed the channel
        } catch (IOException e) {
            // The kernel refused it (unreachable, too long). Counted; DEBUG, because receivers'
            // addresses come from the network and a flood of bad ones must not flood the log.
            counters.sendFailures.increment();
            log.debug("send of {} bytes to {} failed: {}", datagram.payload().length, datagram.to(), e.toString());
            return true;
        } catch (RuntimeException e) {
            // For example an IPv6 receiver on an IPv4-only channel: a caller's mistake, not ours.
            counters.sendFailures.increment();
            log.warn("cannot send {} bytes to {}", datagram.payload().length, datagram.to(), e);
            return true;
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
