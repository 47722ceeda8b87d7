package dev.weft.core.internal.tls;

import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsInfo;
import dev.weft.core.tls.TlsMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TLS server for the tests, wired the way the engine will wire {@link TlsTransport}: a plain
 * transport over the accepted channel, a write lock per connection, the handshake on the
 * connection's virtual thread under a deadline enforced by closing the channel (the engine's
 * watchdog; here a scheduler), then a handler.
 */
final class TlsTestServer implements AutoCloseable {

    /** What a test server does with a connection once its handshake is done. */
    @FunctionalInterface
    interface Handler {
        void handle(Connection connection) throws Exception;
    }

    /** A connection as a handler sees it. */
    record Connection(TlsTransport tls, ReentrantLock writeLock, TlsInfo info, SocketChannel channel) {
        /** Writes under the write lock, as every writer must. */
        void write(byte[] bytes) throws IOException {
            writeLock.lock();
            try {
                tls.write(bytes, 0, bytes.length);
            } finally {
                writeLock.unlock();
            }
        }

        void shutdownOutput() throws IOException {
            writeLock.lock();
            try {
                tls.shutdownOutput();
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** How a handshake ended: the agreed session, or the failure. */
    record Outcome(TlsInfo info, TlsHandshakeException failure) {
    }

    private final ServerTlsContext context;
    private final Handler handler;
    private final ServerSocketChannel listener;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<SocketChannel> channels = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final BlockingQueue<SocketChannel> accepted = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> handlerFailures = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    TlsTestServer(TlsConfig config, Handler handler) throws IOException {
        this(ServerTlsContext.create(config), handler);
    }

    TlsTestServer(ServerTlsContext context, Handler handler) throws IOException {
        this.context = context;
        this.handler = handler;
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
        this.acceptor = Thread.ofVirtual().name("tls-test-acceptor").start(this::acceptLoop);
    }

    int port() {
        return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
    }

    ServerTlsContext context() {
        return context;
    }

    TlsMetrics metrics() {
        return context.counters().snapshot();
    }

    /** The next handshake outcome, waiting at most five seconds. */
    Outcome nextOutcome() throws InterruptedException {
        Outcome outcome = outcomes.poll(10, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("no handshake ended within 10 seconds");
        }
        return outcome;
    }

    /** The next accepted channel, as the server sees it. */
    SocketChannel nextAccepted() throws InterruptedException {
        SocketChannel channel = accepted.poll(10, TimeUnit.SECONDS);
        if (channel == null) {
            throw new AssertionError("no connection accepted within 10 seconds");
        }
        return channel;
    }

    /** The next failure a handler threw, waiting at most ten seconds. */
    Throwable nextHandlerFailure() throws InterruptedException {
        Throwable failure = handlerFailures.poll(10, TimeUnit.SECONDS);
        if (failure == null) {
            throw new AssertionError("no handler failed within 10 seconds");
        }
        return failure;
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel channel = listener.accept();
                channels.add(channel);
                accepted.add(channel);
                Thread thread = Thread.ofVirtual().name("tls-test-conn").unstarted(() -> serve(channel));
                threads.add(thread);
                thread.start();
            }
        } catch (ClosedChannelException e) {
            // closed by close(): the loop ends
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(SocketChannel channel) {
        ReentrantLock writeLock = new ReentrantLock();
        TlsTransport tls = new TlsTransport(new SocketChannelTransport(channel), context.newEngine(), writeLock,
                context.counters(), "test-conn[" + channel.socket().getRemoteSocketAddress() + "]");
        Duration timeout = context.config().handshakeTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        ScheduledFuture<?> expiry = watchdog.schedule(tls::close, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            TlsInfo info;
            try {
                info = tls.handshake(deadline);
            } catch (TlsHandshakeException e) {
                outcomes.add(new Outcome(null, e));
                return;
            } finally {
                expiry.cancel(false);
            }
            outcomes.add(new Outcome(info, null));
            handler.handle(new Connection(tls, writeLock, info, channel));
        } catch (Exception e) {
            handlerFailures.add(e);
        } finally {
            tls.close();
            channels.remove(channel);
            threads.remove(Thread.currentThread());
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join();
        for (SocketChannel channel : List.copyOf(channels)) {
            channel.close();
        }
        for (Thread thread : List.copyOf(threads)) {
            thread.join(10_000);
        }
        watchdog.shutdownNow();
    }
}
