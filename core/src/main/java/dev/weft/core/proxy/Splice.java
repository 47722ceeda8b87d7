package dev.weft.core.proxy;

import dev.weft.core.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies bytes both ways between a client connection and its backend until both directions
 * have ended: client to backend on the calling thread, backend to client on a virtual thread of
 * its own. The end of one direction's input is passed on as a half-close of the other side's
 * output, so a client that shuts down its output still reads the backend's whole answer, and
 * the other way round. A failure in either direction closes both sockets, which ends the other
 * direction too.
 */
final class Splice {

    private static final Logger log = LoggerFactory.getLogger(Splice.class);

    private final Connection client;
    private final SocketChannel upstream;
    private final Backend backend;
    private final Duration idleTimeout;
    private final int bufferBytes;
    private volatile long lastActivityNanos = System.nanoTime();

    Splice(Connection client, SocketChannel upstream, Backend backend, Duration idleTimeout, int bufferBytes) {
        this.client = client;
        this.upstream = upstream;
        this.backend = backend;
        this.idleTimeout = idleTimeout;
        this.bufferBytes = bufferBytes;
    }

    /** Runs until both directions are done; closes both sides if either fails. */
    void run() throws IOException {
        client.readTimeout(idleTimeout);
        upstream.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, idleTimeout.toMillis())));
        Thread down = Thread.ofVirtual().name(Thread.currentThread().getName() + "-down").start(this::copyDown);
        try {
            copyUp();
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        } finally {
            awaitDown(down);
        }
    }

    private void copyUp() throws IOException {
        byte[] buffer = new byte[bufferBytes];
        OutputStream out = upstream.socket().getOutputStream();
        while (true) {
            int n = readUnlessIdle(client.input(), buffer);
            if (n < 0) {
                upstream.shutdownOutput();
                return;
            }
            out.write(buffer, 0, n);
            backend.sentToBackend(n);
            lastActivityNanos = System.nanoTime();
        }
    }

    private void copyDown() {
        byte[] buffer = new byte[bufferBytes];
        try {
            InputStream in = upstream.socket().getInputStream();
            while (true) {
                int n = readUnlessIdle(in, buffer);
                if (n < 0) {
                    client.shutdownOutput();
                    return;
                }
                client.write(buffer, 0, n);
                client.flush();
                backend.receivedFromBackend(n);
                lastActivityNanos = System.nanoTime();
            }
        } catch (IOException e) {
            log.debug("{} backend-to-client copy ended: {}", client, e.toString());
            abort();
        }
    }

    /** Reads; a read timeout ends the splice only when neither direction moved for the idle timeout. */
    private int readUnlessIdle(InputStream in, byte[] buffer) throws IOException {
        while (true) {
            try {
                return in.read(buffer, 0, buffer.length);
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() - lastActivityNanos >= idleTimeout.toNanos()) {
                    throw e;
                }
            }
        }
    }

    private void awaitDown(Thread down) {
        try {
            down.join();
        } catch (InterruptedException e) {
            // The server is stopping: close both sides so the copy thread ends, then wait for it.
            abort();
            try {
                down.join(Duration.ofSeconds(1));
            } catch (InterruptedException again) {
                log.debug("{} interrupted twice while stopping", client);
            }
            Thread.currentThread().interrupt();
        }
    }

    private void abort() {
        client.close();
        try {
            upstream.close();
        } catch (IOException e) {
            log.debug("{} closing the backend connection failed: {}", client, e.toString());
        }
    }
}
