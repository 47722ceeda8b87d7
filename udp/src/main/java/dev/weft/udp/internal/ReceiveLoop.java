package dev.weft.udp.internal;

import dev.weft.core.internal.Backoff;
import dev.weft.udp.Datagram;
import dev.weft.udp.Dispatch;
import dev.weft.udp.UdpServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive loop of one UDP server, on a platform thread of its own: {@code receive} on the
 * non-blocking {@link DatagramChannel} until it finds nothing, then a wait in a {@link Selector}
 * until more arrives — one wake-up for every burst, however many datagrams it holds — into one
 * direct buffer reused for every datagram, then dispatch. (The channel is non-blocking so that
 * any thread may send on it at once; see {@link SendQueue}.)
 *
 * <p>The buffer is one byte longer than {@link dev.weft.udp.DatagramBuffers#maxDatagramBytes()}: the kernel
 * truncates a datagram to the buffer, so a datagram that fills it was longer than the limit and
 * is dropped and counted as oversized instead of being handled cut short. With
 * {@link Dispatch#INLINE} the handler sees a view of the buffer; with
 * {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM} each datagram gets a copy of its bytes.
 *
 * <p>A failing {@code receive} other than the socket closing is counted, logged and retried
 * after a pause that doubles from 1 ms to 1 s (core's {@link Backoff}, as the TCP acceptor's), so
 * the loop neither spins nor dies. The loop ends after {@link #requestStop()}, which wakes its
 * wait, or when the channel is closed.
 */
public final class ReceiveLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReceiveLoop.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final DatagramChannel channel;
    private final UdpServerConfig config;
    private final HandlerInvoker invoker;
    private final PerDatagramThreads perDatagram;
    private final UdpCounters counters;
    private final Selector selector;
    private volatile boolean stopRequested;

    /**
     * A loop not started yet, its selector open.
     *
     * @param channel     the bound channel, in non-blocking mode
     * @param config      the server's configuration
     * @param invoker     runs the handler
     * @param perDatagram the thread-per-datagram dispatcher; used only with that dispatch mode
     * @param counters    where datagrams are counted
     * @throws IOException when the selector cannot be opened or the channel registered with it
     */
    public ReceiveLoop(DatagramChannel channel, UdpServerConfig config, HandlerInvoker invoker,
                       PerDatagramThreads perDatagram, UdpCounters counters) throws IOException {
        this.selector = Selector.open();
        try {
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        this.channel = channel;
        this.config = config;
        this.invoker = invoker;
        this.perDatagram = perDatagram;
        this.counters = counters;
    }

    @Override
    public void run() {
        try {
            receiveUntilStopped();
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                log.debug("{} closing its selector failed: {}", config.name(), e.toString());
            }
        }
    }

    private void receiveUntilStopped() {
        int maxBytes = config.buffers().maxDatagramBytes();
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxBytes + 1);
        Backoff backoff = new Backoff(FIRST_PAUSE, LONGEST_PAUSE);
        while (!stopRequested) {
            InetSocketAddress from;
            try {
                buffer.clear();
                from = (InetSocketAddress) channel.receive(buffer);
                if (from == null) {
                    selector.select();
                    selector.selectedKeys().clear();
                    continue;
                }
                backoff.reset();
                if (stopRequested) {
                    return; // the datagram stop() sent to wake us, or one that came too late
                }
            } catch (ClosedChannelException | ClosedSelectorException e) {
                return; // stop() closed the channel
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    return;
                }
                counters.receiveFailures.increment();
                Duration pause = backoff.next();
                log.warn("{} receive failed ({}); retrying in {} ms", config.name(), e.toString(), pause.toMillis());
                if (!Backoff.sleep(pause)) {
                    return; // only stop() interrupts the loop
                }
                continue;
            }
            accept(from, buffer.flip(), maxBytes);
        }
    }

    /**
     * Makes the loop end after the datagram it is waiting for (the caller then sends one to wake
     * it) instead of handling it.
     */
    public void requestStop() {
        stopRequested = true;
        selector.wakeup();
    }

    /** {@return whether {@link #requestStop()} was called} */
    public boolean stopRequested() {
        return stopRequested;
    }

    private void accept(InetSocketAddress from, ByteBuffer payload, int maxBytes) {
        int length = payload.remaining();
        counters.received.increment();
        counters.bytesReceived.add(length);
        if (length > maxBytes) {
            counters.droppedOversized.increment();
            log.debug("{} dropped a datagram from {} longer than {} bytes", config.name(), from, maxBytes);
            invoker.oversized(from, maxBytes);
        } else if (config.dispatch().mode() == Dispatch.INLINE) {
            invoker.invoke(Datagram.of(from, payload));
        } else {
            byte[] copy = new byte[length];
            payload.get(copy);
            perDatagram.dispatch(Datagram.of(from, copy));
        }
    }
}
