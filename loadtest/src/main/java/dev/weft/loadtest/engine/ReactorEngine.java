package dev.weft.loadtest.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contrast engine with nothing but the model changed: a {@code java.nio} selector reactor.
 * One {@link ReactorLoop} per core runs non-blocking state machines for its connections; one
 * platform thread per listening socket accepts and hands the new channel to the loops in turn.
 */
final class ReactorEngine implements Engine {

    private static final Logger log = LoggerFactory.getLogger(ReactorEngine.class);

    private final List<ReactorLoop> loops;
    private final List<Thread> threads = new ArrayList<>();
    private final ServerSocketChannel echoListener;
    private final ServerSocketChannel httpListener;
    private final AtomicInteger open = new AtomicInteger();
    private final int maxConnections;

    private ReactorEngine(List<ReactorLoop> loops, ServerSocketChannel echoListener,
                          ServerSocketChannel httpListener, int maxConnections) {
        this.loops = loops;
        this.echoListener = echoListener;
        this.httpListener = httpListener;
        this.maxConnections = maxConnections;
    }

    static ReactorEngine start(EngineOptions options) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<ReactorLoop> loops = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            loops.add(new ReactorLoop());
        }
        ReactorEngine engine = new ReactorEngine(loops, listen(options.host(), options.echoPort()),
                listen(options.host(), options.httpPort()), options.maxConnections());
        for (int i = 0; i < loops.size(); i++) {
            engine.threads.add(Thread.ofPlatform().name("reactor-loop-" + i).start(loops.get(i)));
        }
        engine.threads.add(Thread.ofPlatform().name("reactor-accept-echo")
                .start(() -> engine.accept(engine.echoListener, ReactorConnection.Protocol.ECHO)));
        engine.threads.add(Thread.ofPlatform().name("reactor-accept-http")
                .start(() -> engine.accept(engine.httpListener, ReactorConnection.Protocol.HTTP)));
        return engine;
    }

    private static ServerSocketChannel listen(String host, int port) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress(host, port), 4_096);
        return channel;
    }

    private void accept(ServerSocketChannel listener, ReactorConnection.Protocol protocol) {
        int next = 0;
        while (listener.isOpen()) {
            try {
                SocketChannel channel = listener.accept();
                if (open.incrementAndGet() > maxConnections) {
                    open.decrementAndGet();
                    channel.close();
                    continue;
                }
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                loops.get(next++ % loops.size()).adopt(new ReactorConnection(channel, protocol, open));
            } catch (AsynchronousCloseException e) {
                log.debug("reactor listener closed");
            } catch (IOException e) {
                log.warn("reactor accept failed", e);
            }
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.REACTOR;
    }

    @Override
    public Map<Service, Integer> ports() {
        return Map.of(Service.ECHO, echoListener.socket().getLocalPort(),
                Service.HTTP, httpListener.socket().getLocalPort());
    }

    @Override
    public String transport() {
        return "java.nio Selector (epoll, level-triggered), " + loops.size() + " loops";
    }

    @Override
    public String description() {
        return "java.nio selector reactor, " + loops.size() + " loops; HTTP only finds each request head's end and"
                + " compares the request line's start (no header parsing): an upper bound for the model, not a framework";
    }

    @Override
    public void close() {
        try {
            echoListener.close();
            httpListener.close();
        } catch (IOException e) {
            log.warn("closing reactor listeners failed", e);
        }
        loops.forEach(ReactorLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
