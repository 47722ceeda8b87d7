package dev.weft.loadtest.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop: a selector, its connections, and two direct buffers shared by all of them
 * (reads land in one, responses are gathered in the other), so an idle connection holds no
 * buffer at all. Runs on its own platform thread until {@link #stop()}.
 */
final class ReactorLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReactorLoop.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Selector selector;
    private final Queue<ReactorConnection> arrivals = new ConcurrentLinkedQueue<>();
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private volatile boolean running = true;

    ReactorLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Hands a new connection to this loop; callable from any thread. */
    void adopt(ReactorConnection connection) {
        arrivals.add(connection);
        selector.wakeup();
    }

    /** Stops the loop and closes its connections. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select();
                registerArrivals();
                for (SelectionKey key : selector.selectedKeys()) {
                    serve(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            log.error("reactor loop failed", e);
        } finally {
            closeAll();
        }
    }

    private void registerArrivals() {
        for (ReactorConnection connection; (connection = arrivals.poll()) != null; ) {
            try {
                connection.channel().register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException e) {
                log.debug("registering {} failed: {}", connection, e.toString());
                connection.close();
            }
        }
    }

    private void serve(SelectionKey key) {
        ReactorConnection connection = (ReactorConnection) key.attachment();
        try {
            if (key.isWritable()) {
                connection.drainPending(key);
            }
            if (key.isValid() && key.isReadable()) {
                connection.onReadable(key, in, out);
            }
        } catch (IOException | CancelledKeyException e) {
            log.debug("{} closed: {}", connection, e.toString());
            connection.close();
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            ((ReactorConnection) key.attachment()).close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing selector failed: {}", e.toString());
        }
    }
}
