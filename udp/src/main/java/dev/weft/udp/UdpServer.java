package dev.weft.udp;

import dev.weft.core.internal.BoundAddress;
import dev.weft.core.internal.ServerLifecycle;
import dev.weft.udp.internal.HandlerInvoker;
import dev.weft.udp.internal.PerDatagramThreads;
import dev.weft.udp.internal.ReceiveLoop;
import dev.weft.udp.internal.SendQueue;
import dev.weft.udp.internal.UdpCounters;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP server: one non-blocking socket, one receive loop (a platform thread waiting in a
 * selector), one send thread (virtual) for the datagrams that must wait, and a
 * {@link DatagramHandler} run per datagram — inline on the loop by default, or on a virtual
 * thread per datagram (see {@link Dispatch}). Outgoing datagrams, from handlers or from any
 * other thread, go out at once when nothing is queued before them, else through the send thread
 * (see {@link DatagramSender}); no send blocks, and no interrupted caller can close the socket.
 *
 * <pre>{@code
 * try (UdpServer server = new UdpServer(UdpServerConfig.loopback(7007), (datagram, sender) -> {
 *     sender.send(datagram.sender(), datagram.bytes());
 *     return DatagramOutcome.HANDLED;
 * }).start()) {
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p><b>Lifecycle</b>, as {@code dev.weft.core.TcpServer}: {@link #start()} returns once the
 * socket is bound; a bind failure throws a {@link BindException} naming the address.
 * {@link #stop(Duration)} stops receiving, lets datagrams being handled finish (and still reply)
 * until the grace deadline, interrupts what is left, tells the handler ({@link
 * DatagramHandler#stopped()}), sends what is queued and closes the socket; when it returns no
 * thread of the server is running. A server starts once; {@code stop} and {@code close} may be
 * called any number of times, from any thread.
 *
 * <p><b>Bad input</b> never stops the loop: an oversized datagram is dropped and counted, a
 * malformed one is counted from the handler's {@link DatagramOutcome}, and a handler that throws
 * is logged and counted. See {@link UdpMetrics}.
 *
 * <p><b>With Dagger</b>, provide each server once per component, in a {@code @Provides @Singleton}
 * method (under a qualifier when there are several; {@code dev.weft.udp.inject.UdpModule} does so
 * for the relay's server): the server has no {@code @Inject} constructor, so a component can never
 * build a second, unstarted copy.
 */
public final class UdpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpServer.class);
    /** How long the receive loop and interrupted handlers get to unwind. */
    private static final Duration UNWIND = Duration.ofSeconds(1);

    private final UdpServerConfig config;
    private final DatagramHandler handler;
    private final UdpCounters counters = new UdpCounters();
    private final ServerLifecycle lifecycle;
    private final BoundAddress address;
    private DatagramChannel channel;
    private ReceiveLoop receiveLoop;
    private PerDatagramThreads perDatagram;
    private SendQueue sendQueue;
    private Thread receiveThread;
    private Thread sendThread;

    /**
     * Creates a server; nothing is bound until {@link #start()}.
     *
     * @param config  the configuration
     * @param handler the protocol, run once per datagram
     */
    public UdpServer(UdpServerConfig config, DatagramHandler handler) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.lifecycle = new ServerLifecycle(config.name());
        this.address = new BoundAddress(config.name());
    }

    /**
     * Binds, tells the handler ({@link DatagramHandler#started}) and starts receiving; returns
     * once the socket is bound.
     *
     * @return this server
     * @throws BindException naming the address, e.g. {@code "127.0.0.1:9000 is already in use"}
     * @throws IllegalStateException if the server was started before
     */
    public UdpServer start() throws IOException {
        lifecycle.start(() -> {
            DatagramBuffers buffers = config.buffers();
            channel = address.bind(DatagramChannel.open(), config.host(), config.port(), (opened, at) -> {
                opened.setOption(StandardSocketOptions.SO_RCVBUF, buffers.receiveBufferBytes());
                opened.setOption(StandardSocketOptions.SO_SNDBUF, buffers.sendBufferBytes());
                opened.bind(at);
                opened.configureBlocking(false);
            });
            int receiveBufferBytes;
            try {
                receiveBufferBytes = prepare();
            } catch (IOException | RuntimeException e) {
                closeChannel();
                throw e;
            }
            sendThread = Thread.ofVirtual().name(config.name() + "-send").start(sendQueue);
            receiveThread = Thread.ofPlatform().name(config.name() + "-receive").daemon(true).start(receiveLoop);
            log.info("{} receiving on {} (dispatch {}, datagrams up to {} bytes, SO_RCVBUF {} bytes)",
                    config.name(), address.describe(), config.dispatch().mode().name().toLowerCase(),
                    buffers.maxDatagramBytes(), receiveBufferBytes);
        });
        return this;
    }

    /**
     * Builds the machinery around the bound channel and tells the handler.
     *
     * @return the receive buffer size the kernel granted
     */
    private int prepare() throws IOException {
        sendQueue = new SendQueue(channel, address.get(), config.buffers().sendQueueDatagrams(), counters);
        HandlerInvoker invoker = new HandlerInvoker(handler, sendQueue, counters);
        perDatagram = new PerDatagramThreads(config.name(), config.dispatch().maxInFlightDatagrams(), invoker, counters);
        receiveLoop = new ReceiveLoop(channel, config, invoker, perDatagram, counters);
        handler.started(sendQueue);
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /**
     * {@return the port the server receives on; the ephemeral one when configured with port 0}
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        return localAddress().getPort();
    }

    /**
     * {@return the address the server receives on}
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public InetSocketAddress localAddress() {
        return address.get();
    }

    /** {@return the configuration} */
    public UdpServerConfig config() {
        return config;
    }

    /** {@return a snapshot of the counters} */
    public UdpMetrics metrics() {
        return counters.snapshot(handler.livePeers());
    }

    /** {@return whether the server has started and not begun to stop} */
    public boolean isRunning() {
        return lifecycle.isRunning() && !receiveLoop.stopRequested();
    }

    /**
     * Blocks until the server has stopped.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        lifecycle.awaitStop();
    }

    /**
     * Stops the server: stops receiving, lets datagrams being handled finish for up to
     * {@code grace}, interrupts their threads after that, calls {@link DatagramHandler#stopped()},
     * sends what is still queued (for up to a second) and closes the socket.
     *
     * @param grace how long datagrams being handled may go on; zero interrupts them at once
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        lifecycle.stop(() -> {
            long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
            log.info("{} stopping, grace {}", config.name(), grace);
            boolean interrupted = stopReceiving();
            try {
                List<Thread> left = perDatagram.finish(deadline, UNWIND);
                if (!left.isEmpty()) {
                    log.error("{} handler threads still running after stop, ignoring the interrupt: {}",
                            config.name(), left.stream().map(Thread::getName).toList());
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            stopHandler();
            stopSending();
            closeChannel();
            log.info("{} stopped", config.name());
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops with the configured {@link UdpServerConfig#shutdownGrace()}. */
    @Override
    public void close() {
        stop(config.shutdownGrace());
    }

    /**
     * Ends the receive loop but keeps the channel open, so that handlers still running can reply:
     * the loop checks its flag after every datagram, and an empty datagram sent to ourselves
     * wakes it. Should that datagram be lost, the channel is closed instead.
     *
     * @return whether this thread was interrupted while waiting
     */
    private boolean stopReceiving() {
        receiveLoop.requestStop();
        wakeReceiveLoop();
        try {
            if (!receiveThread.join(UNWIND)) {
                closeChannel();
                receiveThread.join(UNWIND);
            }
            return false;
        } catch (InterruptedException e) {
            closeChannel();
            return true;
        }
    }

    private void wakeReceiveLoop() {
        InetSocketAddress bound = address.get();
        InetAddress target = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        try {
            channel.send(ByteBuffer.allocate(0), new InetSocketAddress(target, bound.getPort()));
        } catch (IOException e) {
            log.debug("{} could not wake its receive loop ({}); closing the channel instead",
                    config.name(), e.toString());
            closeChannel();
        }
    }

    /** Lets the send thread send what is queued, for up to {@link #UNWIND}, then ends it. */
    private void stopSending() {
        sendQueue.finish();
        try {
            if (!sendThread.join(UNWIND)) {
                log.warn("{} could not send its last queued datagrams in {}; dropping them", config.name(), UNWIND);
                closeChannel();
                sendThread.interrupt();
                sendThread.join(UNWIND);
            }
        } catch (InterruptedException e) {
            closeChannel();
            Thread.currentThread().interrupt();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("{} closing the channel failed", config.name(), e);
        }
    }

    private void stopHandler() {
        try {
            handler.stopped();
        } catch (RuntimeException e) {
            log.error("{} handler failed while stopping", config.name(), e);
        }
    }

    @Override
    public String toString() {
        String bound = address.describe();
        return "UdpServer[" + config.name() + (bound.isEmpty() ? "" : " " + bound) + "]";
    }
}
